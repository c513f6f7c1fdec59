// Permission scopes (delegated, `scp`) and application permissions (`roles`): each endpoint accepts the permissions its
// documentation lists (least privileged and higher), and a token without one of them gets the service's refusal:
//  - PIM for Groups paths: 403 `UnknownError` whose message is itself a JSON string naming PermissionScopeNotGranted
//    (ISSUE threads with full bodies: EasyPIM#37, terraform-provider-azuread #1386, #1407);
//  - directory paths: 403 `Authorization_RequestDenied` "Insufficient privileges to complete the operation." (DOC);
//  - other workloads (Conditional Access, Intune, Teams): 403 `AccessDenied` (GUESS for the exact message).
// A token with neither claim keeps full access: a sandbox convenience (a real token always carries one).
import { GraphError } from './graphError';

type Family = 'pim' | 'directory' | 'workload';
interface Rule {
  method: string;
  path: RegExp;
  family: Family;
  delegated: string[];
  application?: string[];
}

const pimRead = (p: string) => [`${p}.Read.AzureADGroup`, `${p}.ReadWrite.AzureADGroup`];
const pimWrite = (p: string) => [`${p}.ReadWrite.AzureADGroup`];
const ELIG = 'PrivilegedEligibilitySchedule',
  ASSIGN = 'PrivilegedAssignmentSchedule',
  POLICY = 'RoleManagementPolicy';
const DIR_READ = ['Directory.Read.All', 'Directory.ReadWrite.All'];
const GROUP_READ = ['GroupMember.Read.All', 'Group.Read.All', 'Group.ReadWrite.All', ...DIR_READ];
const GROUP_WRITE = ['Group.ReadWrite.All', 'Directory.ReadWrite.All'];
const MEMBER_WRITE = ['GroupMember.ReadWrite.All', ...GROUP_WRITE];
const USER_READ = ['User.ReadBasic.All', 'User.Read.All', 'User.ReadWrite.All', ...DIR_READ];
const PIM = '/identityGovernance/privilegedAccess/group';

const r = (method: string, path: string, family: Family, delegated: string[], application = delegated): Rule => ({
  method,
  path: new RegExp(`^${path}/?$`, 'i'),
  family,
  delegated,
  application,
});

/** First match wins; `[^/]+` is one segment. Sources: each API's permissions table (reference §0, §6, §7). */
const RULES: Rule[] = [
  r('POST', `${PIM}/eligibilityScheduleRequests(/[^/]+/cancel)?`, 'pim', pimWrite(ELIG)),
  r('GET', `${PIM}/eligibilitySchedule(Requests|s|Instances)(/.*)?`, 'pim', pimRead(ELIG)),
  r('POST', `${PIM}/assignmentScheduleRequests(/[^/]+/cancel)?`, 'pim', pimWrite(ASSIGN)),
  r('GET', `${PIM}/assignmentSchedule(Requests|s|Instances)(/.*)?`, 'pim', pimRead(ASSIGN)),
  // Approval APIs are delegated only: no application permission reaches them.
  r('GET', `${PIM}/assignmentApprovals(/.*)?`, 'pim', pimRead(ASSIGN), []),
  r('PATCH', `${PIM}/assignmentApprovals/.*`, 'pim', pimWrite(ASSIGN), []),
  r('GET', `${PIM}/resources(/[^/]+)?`, 'pim', [
    'PrivilegedAccess.Read.AzureADGroup',
    'PrivilegedAccess.ReadWrite.AzureADGroup',
  ]),
  r('GET', '/policies/roleManagementPolic(ies|yAssignments)(/.*)?', 'pim', pimRead(POLICY)),
  r('PATCH', '/policies/roleManagementPolicies/.*', 'pim', pimWrite(POLICY)),
  r('POST', '/groups', 'directory', GROUP_WRITE, ['Group.Create', ...GROUP_WRITE]),
  r('PATCH', "/groups/?\\(uniqueName='.*'\\)", 'directory', GROUP_WRITE),
  r('GET', "/groups/?\\(uniqueName='.*'\\)", 'directory', GROUP_READ),
  r('POST', '/groups/[^/]+/(members|owners)/\\$ref', 'directory', MEMBER_WRITE),
  r('DELETE', '/groups/[^/]+/(members|owners)/[^/]+/\\$ref', 'directory', MEMBER_WRITE),
  r('POST', '/groups/[^/]+/assignLicense', 'directory', ['LicenseAssignment.ReadWrite.All', ...GROUP_WRITE]),
  r('PUT', '/groups/[^/]+/team', 'workload', ['Team.Create', ...GROUP_WRITE]),
  r('GET', '/groups/[^/]+/team', 'workload', ['Team.ReadBasic.All', 'TeamSettings.Read.All', ...GROUP_READ]),
  r('GET', '/groups(/.*)?', 'directory', GROUP_READ),
  r('PATCH', '/groups/[^/]+', 'directory', GROUP_WRITE),
  r('DELETE', '/groups/[^/]+', 'directory', GROUP_WRITE),
  // An app has no /me: the handler answers its 400, whatever the token's roles (hence '*').
  r('GET', '/me(/memberOf|/transitiveMemberOf)?', 'directory', ['User.Read', ...USER_READ], ['*']),
  r('GET', '/users/[^/]+/(transitiveM|m)emberOf', 'directory', ['GroupMember.Read.All', ...USER_READ.slice(1)]),
  r('GET', '/users(/[^/]+)?', 'directory', USER_READ, USER_READ.slice(1)),
  r('PATCH', '/users/[^/]+', 'directory', [
    'User.ReadWrite.All',
    'User.ManageIdentities.All',
    'Directory.ReadWrite.All',
  ]),
  // Directory roles (rbacapplication-post-roleassignments, -list-roleassignments, -list-roledefinitions).
  r('GET', '/roleManagement/directory/role(Definitions|Assignments)(/[^/]+)?', 'directory', [
    'RoleManagement.Read.Directory',
    'RoleManagement.Read.All',
    'RoleManagement.ReadWrite.Directory',
    ...DIR_READ,
  ]),
  r('(POST|DELETE)', '/roleManagement/directory/roleAssignments(/[^/]+)?', 'directory', [
    'RoleManagement.ReadWrite.Directory',
  ]),
  r('GET', '/servicePrincipals(/[^/]+)?', 'directory', [
    'Application.Read.All',
    'Application.ReadWrite.All',
    ...DIR_READ,
  ]),
  r('POST', '/directoryObjects/getByIds', 'directory', DIR_READ),
  r('GET', '/directoryObjects/[^/]+', 'directory', DIR_READ),
  r(
    'GET',
    '/organization',
    'directory',
    ['User.Read', 'Organization.Read.All', ...DIR_READ],
    ['Organization.Read.All', ...DIR_READ],
  ),
  r('GET', '/subscribedSkus(/[^/]+)?', 'directory', [
    'LicenseAssignment.Read.All',
    'Organization.Read.All',
    ...DIR_READ,
  ]),
  r('GET', '/identity/conditionalAccess/authenticationContextClassReferences(/.*)?', 'workload', [
    'Policy.Read.ConditionalAccess',
    'Policy.Read.All',
    'Policy.ReadWrite.ConditionalAccess',
  ]),
  r('GET', '/identity/conditionalAccess/policies(/[^/]+)?', 'workload', [
    'Policy.Read.All',
    'Policy.ReadWrite.ConditionalAccess',
  ]),
  r('PATCH', '/identity/conditionalAccess/policies/[^/]+', 'workload', ['Policy.ReadWrite.ConditionalAccess']),
  r('GET', '/auditLogs/directoryAudits(/[^/]+)?', 'directory', ['AuditLog.Read.All']),
  r('GET', '/deviceManagement/.*', 'workload', ['DeviceManagementRBAC.Read.All', 'DeviceManagementRBAC.ReadWrite.All']),
  r('(POST|PATCH|DELETE)', '/deviceManagement/.*', 'workload', ['DeviceManagementRBAC.ReadWrite.All']),
];

/** What a token grants: its delegated scopes or its application permissions; both null = unrestricted (sandbox only). */
export interface Grants {
  scopes: string[] | null;
  roles: string[] | null;
}

export function grantsOf(claims: Record<string, unknown>): Grants {
  const scopes = typeof claims.scp === 'string' ? claims.scp.split(' ').filter(Boolean) : null;
  const roles = Array.isArray(claims.roles) ? claims.roles.map(String) : null;
  return { scopes, roles };
}

/** Throws the service's refusal when the token lacks every permission the endpoint accepts. */
export function checkPermission(grants: Grants, method: string, path: string): void {
  if (grants.scopes === null && grants.roles === null) return;
  const rule = RULES.find((x) => new RegExp(`^(${x.method})$`).test(method) && x.path.test(path));
  if (!rule) return;
  const app = grants.scopes === null;
  const accepted = app ? (rule.application ?? rule.delegated) : rule.delegated;
  const held = new Set((app ? grants.roles : grants.scopes)!.map((p) => p.toLowerCase()));
  if (accepted.includes('*') || accepted.some((p) => held.has(p.toLowerCase()))) return;
  throw refusal(rule.family, accepted, app);
}

function refusal(family: Family, accepted: string[], app: boolean): GraphError {
  if (family === 'pim') {
    // The PIM backend's envelope: code UnknownError and a message that is a JSON document of its own.
    const names = accepted.length
      ? accepted.join(',')
      : app
        ? 'delegated permission (this API does not support application permissions)'
        : '';
    const inner = {
      errorCode: 'PermissionScopeNotGranted',
      message: `Authorization failed due to missing permission scope ${names}.`,
      instanceAnnotations: [],
    };
    return new GraphError(403, 'UnknownError', JSON.stringify(inner));
  }
  if (family === 'directory')
    return new GraphError(403, 'Authorization_RequestDenied', 'Insufficient privileges to complete the operation.');
  return new GraphError(
    403,
    'AccessDenied',
    'You cannot perform the requested operation, required scopes are missing in the token.',
  );
}
