// GET /me/transitiveMemberOf and /users/{id}/transitiveMemberOf: "groups, directory roles, and administrative units
// that the user is a member of through either direct or transitive membership" (DOC: user-list-transitivememberof).
// A Microsoft Entra role assigned to a role-assignable group is held by the group's active members, so it is listed
// here as a directoryRole object (DOC: directoryobject-getmemberobjects, "only users and role-enabled groups can be
// members of directory roles"); /memberOf, direct only, lists the group and not the role. Which roles: the ones the
// access checks grant (effectiveRoles.ts: direct members only, tenant-wide assignments only).
// UNCONFIRMED: the order of the objects (groups first, then roles, as memberOf here).
import { collection } from './odata';
import { directoryObjectView } from './directoryViews';
import { directoryRoleViews } from './directoryRoleObjects';
import { effectiveRoles } from './effectiveRoles';
import { activePrincipals } from './pimIndex';
import type { SbCtx } from './context';
import type { SbUser } from './types';

/** The groups a principal is in right now, through any chain of active memberships. */
function groupsOf(ctx: SbCtx, principalId: string): string[] {
  const now = ctx.clock.now();
  const found = new Set<string>();
  const pending = [principalId];
  while (pending.length) {
    const member = pending.pop()!;
    for (const g of Object.keys(ctx.state.groups))
      if (!found.has(g) && activePrincipals(ctx.state, g, 'member', now).includes(member)) {
        found.add(g);
        pending.push(g);
      }
  }
  return [...found];
}

export function transitiveMemberOf(ctx: SbCtx, user: SbUser) {
  const groups = groupsOf(ctx, user.id);
  const rows = [
    ...groups.map((g) => directoryObjectView(ctx.state, g)!),
    // The roles the sandbox's own access checks grant (effectiveRoles.ts), so the list and the checks agree.
    ...directoryRoleViews(ctx.state, effectiveRoles(ctx.state, user, ctx.clock.now())),
  ];
  return collection(ctx, rows, { entitySet: 'directoryObjects', countNeedsConsistency: true });
}
