// The Microsoft Graph permissions each command and each binding kind needs: one table that the readiness check reads
// and docs/permissions.md shows (a unit test keeps the page equal to permissionsTable.ts's rendering of this data,
// and another sends each `probe` to the sandbox, whose own table is written independently from the same API pages).
// Any one permission of a list is enough; the least privileged comes first. Sources: each API's permissions section
// on Microsoft Learn (the PIM for Groups, group, user, directory object, subscribedSku, Conditional Access, Intune
// RBAC and Team pages).
import type { BindingKind } from '../tenant/bindingsState';

export type PermissionCommand = 'plan' | 'export' | 'apply' | 'activate' | 'approve' | 'history' | 'report' | 'doctor';
export const PERMISSION_COMMANDS: readonly PermissionCommand[] = [
  'plan',
  'export',
  'apply',
  'activate',
  'approve',
  'history',
  'report',
];

export interface PermissionNeed {
  id: string;
  /** What the permission is for, as the docs say it. */
  what: string;
  /** Delegated permissions (a person signed in), any one of them; empty: no delegated permission reaches it. */
  delegated: string[];
  /** Application permissions (a pipeline's app), any one of them; empty: delegated only. */
  application: string[];
  /** Commands that need it; for a binding kind, only when the definitions use that kind. */
  commands: PermissionCommand[];
  kind?: BindingKind;
  /** Without it the command still runs and says what it skipped. */
  optional?: boolean;
  /**
   * Not asked for when a person signs in to the editor (signInScopes.ts): a write outside PIM for Groups (creating
   * groups, changing what a binding grants) that an administrator grants on purpose; an apply that needs it without
   * it is refused with a sentence naming it.
   */
  notAtSignIn?: true;
  /** One request this permission authorises (ids are placeholders). */
  probe: { method: 'GET' | 'POST' | 'PATCH' | 'PUT'; path: string };
}

const PIM = '/identityGovernance/privilegedAccess/group';
const G = '00000000-0000-0000-0000-000000000001';
const both = (...p: string[]) => ({ delegated: p, application: p });
const DIR_READ = 'Directory.Read.All';

export const PERMISSION_NEEDS: readonly PermissionNeed[] = [
  {
    id: 'eligibility.read',
    what: 'read eligibility schedules',
    ...both('PrivilegedEligibilitySchedule.Read.AzureADGroup', 'PrivilegedEligibilitySchedule.ReadWrite.AzureADGroup'),
    commands: ['plan', 'export', 'apply', 'activate', 'history', 'report'],
    probe: { method: 'GET', path: `${PIM}/eligibilitySchedules` },
  },
  {
    id: 'assignment.read',
    what: 'read assignment schedules',
    ...both('PrivilegedAssignmentSchedule.Read.AzureADGroup', 'PrivilegedAssignmentSchedule.ReadWrite.AzureADGroup'),
    commands: ['plan', 'export', 'apply', 'activate', 'history', 'report'],
    probe: { method: 'GET', path: `${PIM}/assignmentSchedules` },
  },
  {
    id: 'policy.read',
    what: "read groups' PIM policies",
    ...both('RoleManagementPolicy.Read.AzureADGroup', 'RoleManagementPolicy.ReadWrite.AzureADGroup'),
    commands: ['plan', 'export', 'apply'],
    probe: { method: 'GET', path: '/policies/roleManagementPolicyAssignments' },
  },
  {
    id: 'onboarded.read',
    what: 'list the groups onboarded to PIM',
    ...both('PrivilegedAccess.Read.AzureADGroup', 'PrivilegedAccess.ReadWrite.AzureADGroup'),
    commands: ['plan', 'export', 'apply', 'report'],
    probe: { method: 'GET', path: `${PIM}/resources` },
  },
  {
    id: 'users.read',
    what: 'resolve users by user principal name',
    delegated: ['User.ReadBasic.All', 'User.Read.All', DIR_READ],
    application: ['User.Read.All', DIR_READ],
    commands: ['plan', 'export', 'apply'],
    probe: { method: 'GET', path: '/users' },
  },
  {
    id: 'groups.read',
    what: 'find groups by name or id (activate: the names of my groups)',
    ...both('GroupMember.Read.All', 'Group.Read.All', DIR_READ),
    commands: ['plan', 'export', 'apply', 'activate'],
    probe: { method: 'GET', path: '/groups' },
  },
  {
    id: 'servicePrincipals.read',
    what: 'resolve service principals by appId',
    ...both('Application.Read.All', DIR_READ),
    commands: ['plan', 'export', 'apply'],
    probe: { method: 'GET', path: '/servicePrincipals' },
  },
  {
    id: 'directoryObjects.read',
    what: 'name the principals schedules and approval rules mention (directoryObjects/getByIds)',
    ...both(DIR_READ),
    commands: ['plan', 'export', 'apply', 'approve', 'history', 'report'],
    probe: { method: 'POST', path: '/directoryObjects/getByIds' },
  },
  {
    id: 'eligibility.write',
    what: 'create and remove eligibilities',
    ...both('PrivilegedEligibilitySchedule.ReadWrite.AzureADGroup'),
    commands: ['apply'],
    probe: { method: 'POST', path: `${PIM}/eligibilityScheduleRequests` },
  },
  {
    id: 'assignment.write',
    what: 'create and remove active assignments; activate and deactivate',
    ...both('PrivilegedAssignmentSchedule.ReadWrite.AzureADGroup'),
    commands: ['apply', 'activate'],
    probe: { method: 'POST', path: `${PIM}/assignmentScheduleRequests` },
  },
  {
    id: 'policy.write',
    what: "update groups' PIM policies (also onboards a group)",
    ...both('RoleManagementPolicy.ReadWrite.AzureADGroup'),
    commands: ['apply'],
    probe: { method: 'PATCH', path: `/policies/roleManagementPolicies/Group_${G}_x` },
  },
  {
    id: 'groups.write',
    what: 'create groups (upsert by uniqueName), rename them, manage descriptions',
    ...both('Group.ReadWrite.All'),
    commands: ['apply'],
    notAtSignIn: true,
    probe: { method: 'PATCH', path: "/groups(uniqueName='pim-groups-x')" },
  },
  {
    id: 'approvals',
    what: 'read and decide approval requests (delegated only)',
    delegated: ['PrivilegedAssignmentSchedule.ReadWrite.AzureADGroup'],
    application: [],
    commands: ['approve'],
    probe: { method: 'PATCH', path: `${PIM}/assignmentApprovals/${G}/stages/${G}` },
  },
  {
    id: 'me.read',
    what: 'who is signed in, and their directory roles, also those held through a group (/me, /me/transitiveMemberOf)',
    delegated: ['User.Read'],
    application: [],
    commands: ['activate', 'approve', 'doctor'],
    probe: { method: 'GET', path: '/me/transitiveMemberOf' },
  },
  {
    id: 'policies.read',
    what: 'plan-time checks: authentication contexts and the Conditional Access policies that use them',
    ...both('Policy.Read.All'),
    commands: ['plan'],
    optional: true,
    probe: { method: 'GET', path: '/identity/conditionalAccess/authenticationContextClassReferences' },
  },
  {
    id: 'licences.read',
    what: "plan-time and readiness checks: the tenant's licences (subscribedSkus)",
    ...both('Organization.Read.All', 'LicenseAssignment.Read.All', DIR_READ),
    commands: ['plan', 'doctor'],
    optional: true,
    probe: { method: 'GET', path: '/subscribedSkus' },
  },
  {
    id: 'auditLogs.read',
    what: 'read PIM events in the directory audit log (history beyond the kept requests)',
    ...both('AuditLog.Read.All'),
    commands: ['history'],
    optional: true,
    probe: { method: 'GET', path: '/auditLogs/directoryAudits' },
  },
  {
    id: 'directoryRole.read',
    what: "Microsoft Entra role bindings: read role definitions and the groups' role assignments",
    ...both('RoleManagement.Read.Directory', 'RoleManagement.Read.All', 'RoleManagement.ReadWrite.Directory', DIR_READ),
    commands: ['plan', 'export', 'apply'],
    kind: 'directoryRole',
    probe: { method: 'GET', path: '/roleManagement/directory/roleAssignments' },
  },
  {
    id: 'directoryRole.write',
    what: 'Microsoft Entra role bindings: create role-assignable groups and assign them roles (Privileged Role Administrator for a person)',
    ...both('RoleManagement.ReadWrite.Directory'),
    commands: ['apply'],
    kind: 'directoryRole',
    notAtSignIn: true,
    probe: { method: 'POST', path: '/roleManagement/directory/roleAssignments' },
  },
  {
    id: 'intuneRole.read',
    what: 'Intune role bindings: read role definitions, assignments and scope tags',
    ...both('DeviceManagementRBAC.Read.All', 'DeviceManagementRBAC.ReadWrite.All'),
    commands: ['plan', 'export', 'apply'],
    kind: 'intuneRole',
    probe: { method: 'GET', path: '/deviceManagement/roleDefinitions' },
  },
  {
    id: 'intuneRole.write',
    what: 'Intune role bindings: change role assignments',
    ...both('DeviceManagementRBAC.ReadWrite.All'),
    commands: ['apply'],
    kind: 'intuneRole',
    notAtSignIn: true,
    probe: { method: 'PATCH', path: `/deviceManagement/roleAssignments/${G}` },
  },
  {
    id: 'conditionalAccess.read',
    what: 'Conditional Access bindings: read policies',
    ...both('Policy.Read.All', 'Policy.ReadWrite.ConditionalAccess'),
    commands: ['plan', 'export', 'apply'],
    kind: 'conditionalAccess',
    probe: { method: 'GET', path: '/identity/conditionalAccess/policies' },
  },
  {
    id: 'conditionalAccess.write',
    what: "Conditional Access bindings: change a policy's included or excluded groups",
    ...both('Policy.ReadWrite.ConditionalAccess'),
    commands: ['apply'],
    kind: 'conditionalAccess',
    notAtSignIn: true,
    probe: { method: 'PATCH', path: `/identity/conditionalAccess/policies/${G}` },
  },
  {
    id: 'license.read',
    what: 'licence bindings: read subscriptions and service plans',
    ...both('Organization.Read.All', 'LicenseAssignment.Read.All', DIR_READ),
    commands: ['plan', 'export', 'apply'],
    kind: 'license',
    probe: { method: 'GET', path: '/subscribedSkus' },
  },
  {
    id: 'license.write',
    what: 'licence bindings: assign licences to groups',
    ...both('LicenseAssignment.ReadWrite.All', 'Group.ReadWrite.All'),
    commands: ['apply'],
    kind: 'license',
    notAtSignIn: true,
    probe: { method: 'POST', path: `/groups/${G}/assignLicense` },
  },
  {
    id: 'team.read',
    what: 'Team bindings: whether a Microsoft 365 group has its Team',
    ...both('Team.ReadBasic.All', 'TeamSettings.Read.All', 'Group.Read.All'),
    commands: ['plan', 'export', 'apply'],
    kind: 'team',
    probe: { method: 'GET', path: `/groups/${G}/team` },
  },
  {
    id: 'team.write',
    what: "Team bindings: create a group's Team",
    ...both('Team.Create', 'Group.ReadWrite.All'),
    commands: ['apply'],
    kind: 'team',
    notAtSignIn: true,
    probe: { method: 'PUT', path: `/groups/${G}/team` },
  },
];

/** The needs of a command for definitions that use these binding kinds. */
export function needsOf(command: PermissionCommand, kinds: ReadonlySet<BindingKind>): PermissionNeed[] {
  return PERMISSION_NEEDS.filter((n) => n.commands.includes(command) && (!n.kind || kinds.has(n.kind)));
}

/**
 * The row of the table a refusal names: `missing` lists scopes ("A or B", as src/graph/refusals.ts writes a
 * PermissionScopeNotGranted), and the row is the read whose permissions include every one of them (reads before
 * writes, so a refused read names the read). Undefined for a missing directory role, or scopes no row lists.
 */
export function needNamedBy(missing: string): PermissionNeed | undefined {
  const scopes = missing.split(/\s+or\s+|,\s*/).map((x) => x.trim());
  if (!scopes.every((x) => /^[A-Za-z]+(\.[A-Za-z]+)+$/.test(x))) return undefined;
  const covers = (n: PermissionNeed) => scopes.every((x) => n.delegated.includes(x) || n.application.includes(x));
  const rows = PERMISSION_NEEDS.filter(covers);
  return rows.find((n) => n.id.endsWith('.read')) ?? rows[0];
}

/** Directory roles a delegated caller needs besides scopes (or ownership of the groups). */
export const DIRECTORY_ROLES = {
  /** Role-assignable groups: only these may change their PIM settings and assignments. */
  roleAssignable: ['Privileged Role Administrator', 'Global Administrator'],
  /** Any other group. */
  other: [
    'Privileged Role Administrator',
    'Global Administrator',
    'Groups Administrator',
    'Identity Governance Administrator',
    'User Administrator',
    'Directory Writers',
  ],
} as const;
