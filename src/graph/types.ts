// The Graph resources the engine reads and writes, as they appear on the wire (only the fields we use). Policy rules
// are typed by @microsoft/microsoft-graph-types (rule subtypes and approval settings), so their fields are checked.
import type * as Graph from '@microsoft/microsoft-graph-types';

export type AccessId = 'member' | 'owner';

export interface GraphGroup {
  id: string;
  displayName: string;
  description?: string | null;
  groupTypes?: string[];
  mailEnabled?: boolean;
  securityEnabled?: boolean;
  mailNickname?: string;
  membershipRule?: string | null;
  onPremisesSyncEnabled?: boolean | null;
  isAssignableToRole?: boolean | null;
  visibility?: string | null;
}

export interface GraphDirectoryObject {
  '@odata.type'?: string;
  id: string;
  displayName?: string;
  userPrincipalName?: string;
  appId?: string;
  groupTypes?: string[];
  membershipRule?: string | null;
  onPremisesSyncEnabled?: boolean | null;
  /** Users, when selected: whether the account can sign in, and Member or Guest. */
  accountEnabled?: boolean;
  userType?: string | null;
}

export interface RuleTarget {
  caller?: string;
  operations?: string[];
  level?: string;
  inheritableSettings?: string[];
  enforcedSettings?: string[];
}

/** Any policy rule as it comes from Graph: its odata type, id and target; the subtypes below type the rest. */
export interface GraphRule {
  '@odata.type': string;
  id: string;
  target?: RuleTarget;
  [field: string]: unknown;
}

/** Graph's type for an object literal we send, which also names its `@odata.type`. */
type Sent<T> = T & { '@odata.type'?: string };
export type ExpirationRule = GraphRule & Graph.UnifiedRoleManagementPolicyExpirationRule;
export type EnablementRule = GraphRule & Graph.UnifiedRoleManagementPolicyEnablementRule;
export type AuthenticationContextRule = GraphRule & Graph.UnifiedRoleManagementPolicyAuthenticationContextRule;
export type NotificationRule = GraphRule & Graph.UnifiedRoleManagementPolicyNotificationRule;
/** An approver: a user or the members of a group (`id` is how some answers name either). */
export type Approver = Sent<Graph.SingleUser & Graph.GroupMembers & { id?: string; isBackup?: boolean }>;
export type ApprovalStage = Sent<
  Omit<Graph.UnifiedApprovalStage, 'primaryApprovers'> & { primaryApprovers?: Approver[] | null }
>;
export type ApprovalSettings = Sent<
  Omit<Graph.ApprovalSettings, 'approvalStages'> & { approvalStages?: ApprovalStage[] | null }
>;
export type ApprovalRule = GraphRule & { setting?: ApprovalSettings | null };

export interface GraphPolicy {
  id: string;
  rules?: GraphRule[];
  lastModifiedDateTime?: string | null;
}

export interface GraphPolicyAssignment {
  id: string;
  policyId: string;
  scopeId: string;
  scopeType: string;
  roleDefinitionId: string;
  policy?: GraphPolicy;
}

export interface GraphExpiration {
  type: string;
  endDateTime?: string | null;
  duration?: string | null;
}
export interface GraphScheduleInfo {
  startDateTime?: string | null;
  expiration?: GraphExpiration;
  recurrence?: unknown;
}

export interface GraphSchedule {
  id: string;
  principalId: string;
  groupId: string;
  accessId: AccessId;
  memberType?: string;
  status?: string;
  assignmentType?: string | null;
  scheduleInfo?: GraphScheduleInfo;
  createdDateTime?: string;
  createdUsing?: string;
}

export interface GraphScheduleInstance {
  id: string;
  principalId: string;
  groupId: string;
  accessId: AccessId;
  startDateTime?: string | null;
  endDateTime?: string | null;
  memberType?: string;
  assignmentType?: string | null;
  assignmentScheduleId?: string;
  eligibilityScheduleId?: string;
}

export type ScheduleAction =
  | 'adminAssign'
  | 'adminUpdate'
  | 'adminRemove'
  | 'adminExtend'
  | 'adminRenew'
  | 'selfActivate'
  | 'selfDeactivate'
  | 'selfExtend'
  | 'selfRenew';

export interface ScheduleRequestBody {
  action: ScheduleAction;
  accessId: AccessId;
  groupId: string;
  principalId: string;
  scheduleInfo?: GraphScheduleInfo;
  justification?: string;
  ticketInfo?: { ticketNumber?: string; ticketSystem?: string };
  isValidationOnly?: boolean;
}

export interface GraphScheduleRequest extends ScheduleRequestBody {
  id: string;
  status: string;
  createdDateTime?: string;
  approvalId?: string | null;
  targetScheduleId?: string | null;
}

export interface GraphApprovalStage {
  id: string;
  reviewResult?: string;
  status?: string;
  assignedToMe?: boolean;
  justification?: string | null;
  reviewedDateTime?: string | null;
  reviewedBy?: { id?: string; displayName?: string | null } | null;
}
export interface GraphApproval {
  id: string;
  stages?: GraphApprovalStage[];
}
