// The directory's rules for role-assignable groups (isAssignableToRole: true), the groups that can hold a
// Microsoft Entra role (DOC: "Use Microsoft Entra groups to manage role assignments", group-post-groups):
//  - creating one needs Privileged Role Administrator or Global Administrator and, for a delegated or app token,
//    RoleManagement.ReadWrite.Directory besides the group permission (DOC feedback azure-docs#113354; CODE
//    terraform-provider-azuread#1181 found it by trial); else the directory's 403;
//  - it is security-enabled, never dynamic; a Microsoft 365 one must be mail-enabled: groupTypes Unified with
//    mailEnabled false is 400 "GroupType cannot be set for security groups assignable to roles." (LIVE, pasted in
//    azure-docs#78786 and microsoft-graph-docs-contrib#2815);
//  - isAssignableToRole is set at creation only; a PATCH that changes it is a 400 (UNCONFIRMED: the message);
//  - its membership, owners and PIM are managed only by PRA/GA (or its owners for membership): rbac.ts.
import { dirBad } from './groupInput';
import { directoryForbidden, isPrivilegedRoleAdmin } from './rbac';
import type { SbCtx } from './context';
import type { SbGroup } from './types';

const SCOPE = 'rolemanagement.readwrite.directory';

/** Checks a POST /groups body that asks for a role-assignable group. */
export function checkRoleAssignableCreate(ctx: SbCtx, b: Record<string, unknown>, groupTypes: string[]): void {
  if (b.isAssignableToRole === undefined || b.isAssignableToRole === null || b.isAssignableToRole === false) return;
  if (b.isAssignableToRole !== true)
    throw dirBad(`Invalid value specified for property 'isAssignableToRole' of resource 'Group'.`);
  if (groupTypes.includes('Unified') && b.mailEnabled !== true)
    throw dirBad('GroupType cannot be set for security groups assignable to roles.');
  // UNCONFIRMED: the message of a dynamic or non-security role-assignable group.
  if (b.securityEnabled !== true || groupTypes.includes('DynamicMembership'))
    throw dirBad('A role-assignable group must be security-enabled and have static membership.');
  if (!isPrivilegedRoleAdmin(ctx.state, ctx.caller, ctx.clock.now())) throw directoryForbidden();
  const held = ctx.claims.permissions;
  if (held && !held.some((p) => p.toLowerCase() === SCOPE)) throw directoryForbidden();
}

/** Checks a PATCH of a group against its role-assignable status (what the body would change). */
export function checkRoleAssignablePatch(g: SbGroup, b: Record<string, unknown>): void {
  if ('isAssignableToRole' in b && (b.isAssignableToRole === true) !== (g.isAssignableToRole === true))
    throw dirBad('Property isAssignableToRole can only be set when the group is created.');
  if (!g.isAssignableToRole) return;
  const types = Array.isArray(b.groupTypes) ? b.groupTypes.map((t) => String(t).toLowerCase()) : [];
  if (types.includes('dynamicmembership') || (typeof b.membershipRule === 'string' && b.membershipRule))
    throw dirBad('A role-assignable group must be security-enabled and have static membership.');
  if (b.securityEnabled === false)
    throw dirBad('A role-assignable group must be security-enabled and have static membership.');
}
