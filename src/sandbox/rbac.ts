// Delegated-call RBAC of the PIM for Groups APIs (reference §0): besides the scope, the caller must own the group
// (or be a member, for reads) or hold one of these directory roles. Role-assignable groups need PRA/GA to write.
// A role counts however the caller holds it: directly or through a role-assignable group (effectiveRoles.ts).
import { activePrincipals } from './pimIndex';
import { holdsRole } from './effectiveRoles';
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

export const isTenantReader = (state: SbState, u: SbUser, now: Date) => holdsRole(state, u, READERS, now);
export const isPrivilegedRoleAdmin = (state: SbState, u: SbUser, now: Date) =>
  holdsRole(state, u, ROLE_ASSIGNABLE_WRITERS, now);

export function canWriteGroupPim(state: SbState, u: SbUser, g: SbGroup, now: Date): boolean {
  if (holdsRole(state, u, g.isAssignableToRole ? ROLE_ASSIGNABLE_WRITERS : WRITERS, now)) return true;
  return activePrincipals(state, g.id, 'owner', now).includes(u.id);
}

export function canReadGroupPim(state: SbState, u: SbUser, g: SbGroup | undefined, now: Date): boolean {
  if (holdsRole(state, u, READERS, now)) return true;
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
  return holdsRole(state, u, roles, now) || activePrincipals(state, g.id, 'owner', now).includes(u.id);
}

/** The PIM service's 403 (message from microsoft-graph-docs-contrib#9056; the code is UNCONFIRMED). */
export const pimForbidden = () =>
  new GraphError(403, 'UnauthorizedAccessException', 'Attempted to perform an unauthorized operation.');
/** The directory's 403. */
export const directoryForbidden = () =>
  new GraphError(403, 'Authorization_RequestDenied', 'Insufficient privileges to complete the operation.');
