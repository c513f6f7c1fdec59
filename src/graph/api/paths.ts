// Every Graph path the engine uses, in one place (relative to the version root, usable directly or inside $batch).
import { filterParam, quote } from '../odata';

export const PIM = '/identityGovernance/privilegedAccess/group';
export const GROUP_SELECT =
  'id,displayName,description,groupTypes,mailEnabled,securityEnabled,mailNickname,membershipRule,onPremisesSyncEnabled,isAssignableToRole,visibility';

export const paths = {
  me: '/me?$select=id,displayName,userPrincipalName',
  /** The tenant's name and verified domains (Organization.Read.All), to name the target of a plan. */
  organization: '/organization?$select=displayName,verifiedDomains',
  groups: '/groups',
  groupPatch: (id: string) => `/groups/${id}`,
  /** The group by its alternate key (group upsert, v1.0); quotes doubled as OData literals need. */
  groupByUniqueName: (uniqueName: string) => `/groups(uniqueName=${quote(uniqueName)})`,
  group: (id: string) => `/groups/${id}?$select=${GROUP_SELECT}`,
  groupsWhere: (filter: string) => `/groups?${filterParam(filter)}&$select=${GROUP_SELECT}`,
  /** A page of groups whose name starts with `prefix` (Graph filters; the caller follows nextLink). */
  groupsStartingWith: (prefix: string, top: number) =>
    `/groups?${filterParam(`startswith(displayName,${quote(prefix)})`)}&$select=id,displayName,description&$top=${top}`,
  /** A page of `set` whose `properties` (any of them) start with `prefix`; the first page unfiltered when it is empty. */
  directoryStartingWith: (
    set: '/users' | '/groups' | '/servicePrincipals',
    properties: readonly string[],
    prefix: string,
    select: string,
    top: number,
  ) => {
    const filter = properties.map((p) => `startswith(${p},${quote(prefix)})`).join(' or ');
    return `${set}?${prefix ? `${filterParam(filter)}&` : ''}$select=${select}&$top=${top}`;
  },
  usersWhere: (filter: string) =>
    `/users?${filterParam(filter)}&$select=id,displayName,userPrincipalName,accountEnabled,userType`,
  servicePrincipalsWhere: (filter: string) => `/servicePrincipals?${filterParam(filter)}&$select=id,displayName,appId`,
  getByIds: '/directoryObjects/getByIds',
  /**
   * The signed-in user's memberships, direct or through groups: groups, directory roles (active ones, including a
   * role held as a member of a role-assignable group), administrative units. /me/memberOf is direct only.
   */
  myTransitiveMemberOf: '/me/transitiveMemberOf',
  policyAssignments: (groupId: string) =>
    `/policies/roleManagementPolicyAssignments?${filterParam(`scopeId eq ${quote(groupId)} and scopeType eq 'Group'`)}&$expand=policy($expand=rules)`,
  policy: (policyId: string) => `/policies/roleManagementPolicies/${policyId}`,
  rule: (policyId: string, ruleId: string) => `/policies/roleManagementPolicies/${policyId}/rules/${ruleId}`,
  eligibilitySchedules: (groupId: string) =>
    `${PIM}/eligibilitySchedules?${filterParam(`groupId eq ${quote(groupId)}`)}`,
  assignmentSchedules: (groupId: string) => `${PIM}/assignmentSchedules?${filterParam(`groupId eq ${quote(groupId)}`)}`,
  assignmentRequestsOf: (groupId: string) =>
    `${PIM}/assignmentScheduleRequests?${filterParam(`groupId eq ${quote(groupId)}`)}`,
  eligibilityRequestsOf: (groupId: string) =>
    `${PIM}/eligibilityScheduleRequests?${filterParam(`groupId eq ${quote(groupId)}`)}`,
  /** A group's requests for one principal (history --principal): both ids in the required filter. */
  requestsOfPrincipal: (
    set: 'eligibilityScheduleRequests' | 'assignmentScheduleRequests',
    groupId: string,
    principalId: string,
  ) => `${PIM}/${set}?${filterParam(`groupId eq ${quote(groupId)} and principalId eq ${quote(principalId)}`)}`,
  /** The PIM service's directory audit entries for groups since an instant (AuditLog.Read.All), newest first. */
  pimGroupAudits: (since: string) =>
    `/auditLogs/directoryAudits?${filterParam(`loggedByService eq 'PIM' and category eq 'GroupManagement' and activityDateTime ge ${since}`)}`,
  userByUpn: (upn: string) => `/users/${encodeURIComponent(upn)}?$select=id,displayName,userPrincipalName`,
  eligibilityRequests: `${PIM}/eligibilityScheduleRequests`,
  assignmentRequests: `${PIM}/assignmentScheduleRequests`,
  /** Onboarded groups. Documented in beta (a v1.0 page also exists; UNCONFIRMED as GA) — we call v1.0 and fall back to beta. */
  resources: `${PIM}/resources?$select=id`,
  resource: (groupId: string) => `${PIM}/resources/${groupId}`,
  myEligibilitySchedules: `${PIM}/eligibilitySchedules/filterByCurrentUser(on='principal')`,
  myAssignmentInstances: `${PIM}/assignmentScheduleInstances/filterByCurrentUser(on='principal')`,
  myAssignmentRequests: `${PIM}/assignmentScheduleRequests/filterByCurrentUser(on='principal')`,
  approverRequests: `${PIM}/assignmentScheduleRequests/filterByCurrentUser(on='approver')`,
  assignmentRequest: (id: string) => `${PIM}/assignmentScheduleRequests/${id}`,
  cancelAssignmentRequest: (id: string) => `${PIM}/assignmentScheduleRequests/${id}/cancel`,
  approval: (requestId: string) => `${PIM}/assignmentApprovals/${requestId}`,
  approvalStage: (requestId: string, stageId: string) => `${PIM}/assignmentApprovals/${requestId}/stages/${stageId}`,

  // Beyond PIM: what the bindings (and the plan's tenant checks) read and write.
  caPolicies: '/identity/conditionalAccess/policies',
  caPolicy: (id: string) => `/identity/conditionalAccess/policies/${id}`,
  authenticationContexts: '/identity/conditionalAccess/authenticationContextClassReferences',
  intuneRoleDefinitionsWithAssignments: '/deviceManagement/roleDefinitions?$expand=roleAssignments',
  intuneRoleScopeTags: '/deviceManagement/roleScopeTags',
  intuneRoleAssignments: '/deviceManagement/roleAssignments',
  intuneRoleAssignment: (id: string) => `/deviceManagement/roleAssignments/${id}`,
  intuneRoleAssignmentsOf: (roleDefinitionId: string) =>
    `/deviceManagement/roleDefinitions/${roleDefinitionId}/roleAssignments`,
  directoryRoleDefinitions: '/roleManagement/directory/roleDefinitions?$select=id,displayName,templateId,isPrivileged',
  directoryRoleAssignments: '/roleManagement/directory/roleAssignments',
  directoryRoleAssignment: (id: string) => `/roleManagement/directory/roleAssignments/${id}`,
  directoryRoleAssignmentsOf: (principalId: string, roleDefinitionId?: string) =>
    `/roleManagement/directory/roleAssignments?${filterParam(
      `principalId eq ${quote(principalId)}${roleDefinitionId ? ` and roleDefinitionId eq ${quote(roleDefinitionId)}` : ''}`,
    )}`,
  subscribedSkus: '/subscribedSkus',
  groupLicences: (groupId: string) => `/groups/${groupId}?$select=assignedLicenses`,
  assignLicence: (groupId: string) => `/groups/${groupId}/assignLicense`,
  groupTeam: (groupId: string) => `/groups/${groupId}/team`,
  groupTeamId: (groupId: string) => `/groups/${groupId}/team?$select=id`,
  groupOwnerIds: (groupId: string) => `/groups/${groupId}/owners?$select=id`,
  groupOwnerRefs: (groupId: string) => `/groups/${groupId}/owners/$ref`,
  groupOwnerRef: (groupId: string, ownerId: string) => `/groups/${groupId}/owners/${ownerId}/$ref`,
  /** One member is enough to know a group is not empty. */
  groupFirstMember: (groupId: string) => `/groups/${groupId}/members?$select=id&$top=1`,
  myId: '/me?$select=id',
};
