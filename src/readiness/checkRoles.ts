// Directory roles: besides scopes, a person changing a group's PIM settings or assignments needs a directory role
// (Privileged Role Administrator for role-assignable groups; Groups Administrator, Identity Governance
// Administrator, User Administrator or Directory Writers otherwise) or ownership of the group. /me/transitiveMemberOf
// lists active roles only, held directly or as a member of a role-assignable group: a role the person is merely
// eligible for counts once activated.
import type { Outcome, ReadinessResult } from './model';
import { DIRECTORY_ROLES } from './permissions';

export interface GroupAccess {
  name: string;
  roleAssignable: boolean;
  /** Whether the caller owns it (undefined: not read, because a role covers it). */
  owned?: boolean;
}

const hasAny = (held: string[], wanted: readonly string[]) =>
  held.some((r) => wanted.some((w) => w.toLowerCase() === r.toLowerCase()));

/** Whether a role the caller holds covers the group, ownership aside. */
export function roleCovers(held: string[], g: Pick<GroupAccess, 'roleAssignable'>): boolean {
  return hasAny(held, g.roleAssignable ? DIRECTORY_ROLES.roleAssignable : DIRECTORY_ROLES.other);
}

export function rolesCheck(appOnly: boolean, roles: Outcome<string[]>, groups: GroupAccess[]): ReadinessResult {
  if (appOnly)
    return {
      id: 'roles',
      status: 'pass',
      what: 'An app signed in with its own credentials acts through its application permissions; it needs no directory role.',
    };
  if (!roles.ok)
    return {
      id: 'roles',
      status: 'warn',
      what: `Could not read your directory roles: ${roles.error}`,
      fix: 'Grant the delegated scope User.Read (it reads /me/transitiveMemberOf); see docs/permissions.md.',
    };
  const held = roles.value;
  const blocked = groups.filter((g) => !roleCovers(held, g) && g.owned !== true);
  const shown = held.length ? held.join(', ') : 'no active directory role';
  if (blocked.length)
    return {
      id: 'roles',
      status: 'fail',
      what: `You hold ${shown} and cannot change ${blocked.length} of the definitions' groups.`,
      fix: `Activate or get ${blocked.some((g) => g.roleAssignable) ? 'Privileged Role Administrator (role-assignable groups need it)' : `one of ${DIRECTORY_ROLES.other.slice(2).join(', ')}`}, or become an owner of these groups.`,
      details: blocked.map(
        (g) => `${g.name}${g.roleAssignable ? ' (role-assignable)' : ''}: no covering role, not an owner`,
      ),
    };
  if (!hasAny(held, DIRECTORY_ROLES.other))
    return {
      id: 'roles',
      status: 'warn',
      what: `You hold ${shown}: you can change only groups you own${groups.length ? ` (you own the ${groups.length} existing group(s) of the definitions)` : ''}.`,
      fix: `Groups that apply creates and groups you do not own need one of ${DIRECTORY_ROLES.other.slice(2).join(', ')} (Privileged Role Administrator for role-assignable groups).`,
    };
  return { id: 'roles', status: 'pass', what: `You hold ${shown}, which covers the definitions' groups.` };
}
