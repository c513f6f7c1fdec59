// The in-memory tenant behind the sandbox. Everything is plain JSON (records keyed by id, in insertion order) so the
// whole state persists with one JSON.stringify and two sandboxes with the same seed hold byte-identical state.

export type AccessId = 'member' | 'owner';
export type ExpirationType = 'notSpecified' | 'noExpiration' | 'afterDateTime' | 'afterDuration';

export interface SbUser {
  id: string;
  userPrincipalName: string;
  displayName: string;
  givenName: string | null;
  surname: string | null;
  mail: string | null;
  jobTitle: string | null;
  department: string | null;
  officeLocation: string | null;
  mobilePhone: string | null;
  businessPhones: string[];
  preferredLanguage: string | null;
  userType: 'Member' | 'Guest';
  accountEnabled: boolean;
  /** Directory roles held (display names, e.g. 'Privileged Role Administrator'); drives the delegated RBAC checks. */
  directoryRoles: string[];
}

export interface SbGroup {
  id: string;
  displayName: string;
  description: string | null;
  mailEnabled: boolean;
  mailNickname: string;
  mail: string | null;
  securityEnabled: boolean;
  groupTypes: string[];
  isAssignableToRole: boolean | null;
  membershipRule: string | null;
  membershipRuleProcessingState: string | null;
  onPremisesSyncEnabled: boolean | null;
  visibility: string | null;
  createdDateTime: string;
  renewedDateTime: string;
  securityIdentifier: string;
  assignedLicenses: { skuId: string; disabledPlans: string[] }[];
  /** True once a PIM request or policy change touched the group (implicit onboarding; permanent). */
  pimOnboarded: boolean;
  /** Members/owners of a dynamic or synced group (PIM never manages those, so they are plain lists). */
  staticMembers: string[];
  /** Alternate key set at creation (group upsert); immutable. Absent on seeded groups. */
  uniqueName?: string | null;
  /** The client app that created the group through the API (null for seeded groups). */
  createdByAppId?: string | null;
  /** Set when a Team was created for this Microsoft 365 group (the Team binding). */
  team?: Record<string, unknown>;
}

export interface SbServicePrincipal {
  id: string;
  appId: string;
  displayName: string;
  servicePrincipalType: string;
  accountEnabled: boolean;
}

export interface SbScheduleInfo {
  startDateTime: string;
  expiration: { type: ExpirationType; endDateTime: string | null; duration: string | null };
}

/** An eligibility or assignment schedule request (immutable audit record, except its status). */
export interface SbRequest {
  kind: 'eligibility' | 'assignment';
  id: string;
  status: string;
  action: string;
  createdDateTime: string;
  completedDateTime: string | null;
  approvalId: string | null;
  createdById: string;
  isValidationOnly: boolean;
  justification: string | null;
  scheduleInfo: SbScheduleInfo | null;
  ticketInfo: { ticketNumber: string | null; ticketSystem: string | null };
  principalId: string;
  accessId: AccessId;
  groupId: string;
  targetScheduleId: string | null;
}

/** An eligibility or assignment schedule. Instances are derived from it against the clock. */
export interface SbSchedule {
  kind: 'eligibility' | 'assignment';
  id: string;
  principalId: string;
  groupId: string;
  accessId: AccessId;
  /** Assignment schedules: 'assigned' (admin) or 'activated' (selfActivate). */
  assignmentType: 'assigned' | 'activated' | null;
  startDateTime: string;
  /** null = permanent. */
  endDateTime: string | null;
  expirationType: ExpirationType;
  duration: string | null;
  createdDateTime: string;
  modifiedDateTime: string | null;
  createdUsing: string | null;
  /** For activations: the eligibility schedule used. */
  activatedUsing: string | null;
  /** Set when removed/deactivated/canceled; a removed schedule no longer shows anywhere. */
  removedDateTime: string | null;
}

export interface SbApprovalStage {
  id: string;
  displayName: string | null;
  reviewedDateTime: string | null;
  reviewResult: 'NotReviewed' | 'Approve' | 'Deny';
  status: 'NotStarted' | 'InProgress' | 'Completed';
  justification: string;
  reviewedById: string | null;
  /** Resolved approver user ids for this stage. */
  approverIds: string[];
  /** The stage's isApproverJustificationRequired. */
  justificationRequired?: boolean;
  timeOutDateTime: string;
}

export interface SbApproval {
  id: string;
  requestId: string;
  stages: SbApprovalStage[];
}

export interface SbRule extends Record<string, unknown> {
  '@odata.type': string;
  id: string;
}

/** A group's member or owner policy, stored only once changed: the rules that differ from the defaults. */
export interface SbPolicy {
  groupId: string;
  roleDefinitionId: AccessId;
  lastModifiedDateTime: string | null;
  lastModifiedBy: { displayName: string | null; id: string | null };
  /** Changed rules by rule id (the whole rule); untouched rules keep the defaults of policyDefaults.ts. */
  overrides: Record<string, SbRule>;
}

export interface SbSku {
  id: string;
  skuId: string;
  skuPartNumber: string;
  appliesTo: string;
  capabilityStatus: string;
  consumedUnits: number;
  prepaidUnits: { enabled: number; lockedOut: number; suspended: number; warning: number };
  servicePlans: { servicePlanId: string; servicePlanName: string; provisioningStatus: string; appliesTo: string }[];
  subscriptionIds: string[];
}

/** A Microsoft Entra role assignment (roleManagement/directory); the principal is a user, an SP or a role-assignable group. */
export interface SbDirectoryRoleAssignment {
  id: string;
  principalId: string;
  roleDefinitionId: string;
  /** '/' (tenant) or '/administrativeUnits/{id}'. */
  directoryScopeId: string;
}

export interface SbState {
  version: 1;
  seed: string;
  tenant: { id: string; displayName: string; domain: string };
  /** Counter of the deterministic id stream (see ids.ts), persisted so ids stay unique across restarts. */
  idCounter: number;
  users: Record<string, SbUser>;
  groups: Record<string, SbGroup>;
  servicePrincipals: Record<string, SbServicePrincipal>;
  requests: Record<string, SbRequest>;
  schedules: Record<string, SbSchedule>;
  approvals: Record<string, SbApproval>;
  /** Changed policies by `${groupId}|${role}`. Policy ids are derived (policyModel.ts) and change on onboarding. */
  policies: Record<string, SbPolicy>;
  /** What bindings read and write: Conditional Access, licences, Intune, Azure, authentication contexts. */
  conditionalAccessPolicies: Record<string, Record<string, unknown>>;
  authenticationContexts: Record<string, { id: string; displayName: string; isAvailable: boolean }>;
  subscribedSkus: Record<string, SbSku>;
  intune: {
    roleDefinitions: Record<string, Record<string, unknown>>;
    roleAssignments: Record<string, Record<string, unknown>>;
    scopeTags: Record<string, { id: string; displayName: string; description: string }>;
  };
  /** Directory role assignments by id (absent in data files written before they existed). */
  directoryRoleAssignments?: Record<string, SbDirectoryRoleAssignment>;
  /** Administrative units (scopes of directory role assignments) by id. */
  administrativeUnits?: Record<string, { id: string; displayName: string }>;
  azure: {
    subscriptions: Record<
      string,
      { subscriptionId: string; displayName: string; resourceGroups: string[]; resources: string[] }
    >;
    roleDefinitions: Record<string, { id: string; roleName: string; description: string; type: string }>;
    roleAssignments: Record<
      string,
      {
        id: string;
        scope: string;
        name: string;
        roleDefinitionId: string;
        principalId: string;
        principalType: string;
        description: string | null;
        createdOn: string;
      }
    >;
  };
}
