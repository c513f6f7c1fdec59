// PATCH /users/{id} (DOC user-update): 204. The modelled properties change; the other documented writable ones are
// accepted and not kept (the sandbox has no use for them); read-only or unknown properties are the directory's 400.
// Who may: the user for their own profile fields, else User Administrator or Global Administrator (GUESS: the
// finer per-property rules of the docs are not modelled).
import { holdsRole } from './effectiveRoles';
import { GraphError } from './graphError';
import { UNMODELLED_USER_PROPS } from './directoryProps';
import { directoryForbidden } from './rbac';
import { noContent } from './context';
import type { SbCtx, SbResult } from './context';
import type { SbUser } from './types';

const STRINGS = [
  'displayName',
  'givenName',
  'surname',
  'jobTitle',
  'department',
  'officeLocation',
  'mobilePhone',
  'preferredLanguage',
] as const;
const READ_ONLY = new Set([
  'id',
  'createdDateTime',
  'deletedDateTime',
  'mail',
  'userPrincipalName',
  'securityIdentifier',
  'signInActivity',
  'assignedLicenses',
  'assignedPlans',
  'provisionedPlans',
  'licenseAssignmentStates',
]);
const bad = (m: string) => new GraphError(400, 'Request_BadRequest', m);

export function patchUser(ctx: SbCtx, u: SbUser): SbResult {
  const self = ctx.caller.id === u.id;
  if (!self && !holdsRole(ctx.state, ctx.caller, ['User Administrator', 'Global Administrator'], ctx.clock.now()))
    throw directoryForbidden();
  const b = ctx.body as Record<string, unknown>;
  for (const [k, v] of Object.entries(b)) {
    if (READ_ONLY.has(k)) throw bad(`Property '${k}' is read-only and cannot be set.`);
    if ((STRINGS as readonly string[]).includes(k)) {
      if (v !== null && typeof v !== 'string')
        throw bad(`Invalid value specified for property '${k}' of resource 'User'.`);
      if (k === 'displayName' && (typeof v !== 'string' || !v.trim() || v.length > 256))
        throw bad(`Invalid value specified for property 'displayName' of resource 'User'.`);
    } else if (k === 'accountEnabled') {
      if (typeof v !== 'boolean')
        throw bad(`Invalid value specified for property 'accountEnabled' of resource 'User'.`);
      if (self) throw directoryForbidden();
    } else if (k === 'businessPhones') {
      if (!Array.isArray(v) || v.some((x) => typeof x !== 'string'))
        throw bad(`Invalid value specified for property 'businessPhones' of resource 'User'.`);
    } else if (!(k in UNMODELLED_USER_PROPS) && k !== 'userType') {
      throw bad(`Property '${k}' does not exist as a declared property or extension property.`);
    }
  }
  for (const k of STRINGS) if (k in b) (u as unknown as Record<string, unknown>)[k] = b[k];
  if ('accountEnabled' in b) u.accountEnabled = b.accountEnabled as boolean;
  if ('businessPhones' in b) u.businessPhones = b.businessPhones as string[];
  ctx.dirty();
  return noContent();
}
