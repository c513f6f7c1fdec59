// Delegated-call RBAC of the PIM for Groups APIs (reference §0): besides the scope, the caller must own the group
// (or be a member, for reads) or hold one of these directory roles. Role-assignable groups need PRA/GA to write.
import { activePrincipals } from './pimIndex';
import type { SbGroup, SbState, SbUser } from './types';
import { GraphError } from './graphError';

const ROLE_ASSIGNABLE_WRITERS = ['Global Administrator', 'Privileged Role Administrator'];
const WRITERS = [
  ...ROLE_ASSIGNABLE_WRITERS,
  'Directory Writers',
  'Groups Administrator',
  'Identity Governance Administrator',
  'User Administrator',
];
const READERS = [...WRITERS, 'Global Reader', 'Security Reader', 'Security Administrator'];

const has = (u: SbUser, roles: string[]) => u.directoryRoles.some((r) => roles.includes(r));

export const isTenantReader = (u: SbUser) => has(u, READERS);
export const isPrivilegedRoleAdmin = (u: SbUser) => has(u, ROLE_ASSIGNABLE_WRITERS);

export function canWriteGroupPim(state: SbState, u: SbUser, g: SbGroup, now: Date): boolean {
  if (has(u, g.isAssignableToRole ? ROLE_ASSIGNABLE_WRITERS : WRITERS)) return true;
  return activePrincipals(state, g.id, 'owner', now).includes(u.id);
}

export function canReadGroupPim(state: SbState, u: SbUser, g: SbGroup | undefined, now: Date): boolean {
  if (has(u, READERS)) return true;
  if (!g) return false;
  return (
    activePrincipals(state, g.id, 'owner', now).includes(u.id) ||
    activePrincipals(state, g.id, 'member', now).includes(u.id)
  );
}

/** Changing a group through the directory (PATCH, DELETE, members/owners $ref): its owners or a directory role. */
export function canManageGroup(state: SbState, u: SbUser, g: SbGroup, now: Date): boolean {
  const roles = g.isAssignableToRole
    ? ROLE_ASSIGNABLE_WRITERS
    : [
        'Global Administrator',
        'Privileged Role Administrator',
        'Groups Administrator',
        'User Administrator',
        'Directory Writers',
      ];
  return has(u, roles) || activePrincipals(state, g.id, 'owner', now).includes(u.id);
}

/** The PIM service's 403 (message from microsoft-graph-docs-contrib#9056; the code is UNCONFIRMED). */
export const pimForbidden = () =>
  new GraphError(403, 'UnauthorizedAccessException', 'Attempted to perform an unauthorized operation.');
/** The directory's 403. */
export const directoryForbidden = () =>
  new GraphError(403, 'Authorization_RequestDenied', 'Insufficient privileges to complete the operation.');
