// The Microsoft Entra roles a caller holds right now, for every access check of the sandbox: the roles it was given
// directly (the seed's directoryRoles), tenant-wide role assignments whose principal is the caller itself, and the
// tenant-wide roles assigned to a role-assignable group the caller is an active member of (DOC: "Use Microsoft Entra
// groups to manage role assignments": "When people join the group, they're assigned the role indirectly"; a PIM
// activation of the membership counts while it lasts). The same answer feeds /me/transitiveMemberOf, which the
// engine's readiness check reads, so the sandbox never grants what it does not list, nor the reverse.
//  - Only direct members: "Group nesting isn't supported. A group can't be added as a member of a role-assignable
//    group" (DOC, same page); a group that got into one anyway (the sandbox does not refuse nesting through PIM)
//    passes no role to its own members. UNCONFIRMED: what the service does for a group made a PIM member of one.
//  - Only tenant-wide ('/') assignments: a role scoped to an administrative unit applies to that unit's objects,
//    which no check here models, so it grants nothing (stricter than the service). UNCONFIRMED for the lists.
import { builtInRole } from './directoryRoleCatalog';
import { activePrincipals } from './pimIndex';
import type { SbState, SbUser } from './types';

/** The tenant-wide roles the principal holds through role assignments (its own or a role-assignable group's). */
export function assignedRoles(state: SbState, principalId: string, now: Date): string[] {
  const out: string[] = [];
  for (const a of Object.values(state.directoryRoleAssignments ?? {})) {
    if (a.directoryScopeId !== '/') continue;
    const group = state.groups[a.principalId];
    const holds =
      a.principalId === principalId ||
      (group?.isAssignableToRole === true && activePrincipals(state, group.id, 'member', now).includes(principalId));
    const name = holds ? builtInRole(a.roleDefinitionId)?.displayName : undefined;
    if (name && !out.includes(name)) out.push(name);
  }
  return out;
}

/** Every role the caller holds now: direct ones first, then those through role assignments, each once. */
export function effectiveRoles(state: SbState, u: SbUser, now: Date): string[] {
  return [...new Set([...u.directoryRoles, ...assignedRoles(state, u.id, now)])];
}

/** Whether the caller holds one of `roles` now (direct roles are checked first: most calls stop there). */
export function holdsRole(state: SbState, u: SbUser, roles: readonly string[], now: Date): boolean {
  return (
    u.directoryRoles.some((r) => roles.includes(r)) || assignedRoles(state, u.id, now).some((r) => roles.includes(r))
  );
}
