// The Graph resources the engine reads and writes, as they appear on the wire (only the fields we use).
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
}

export interface RuleTarget { caller?: string; operations?: string[]; level?: string; inheritableSettings?: string[]; enforcedSettings?: string[] }

export interface GraphRule {
  '@odata.type': string;
  id: string;
  target?: RuleTarget;
  [field: string]: unknown;
}

export interface GraphPolicy { id: string; rules?: GraphRule[]; lastModifiedDateTime?: string | null }

export interface GraphPolicyAssignment {
  id: string;
  policyId: string;
  scopeId: string;
  scopeType: string;
  roleDefinitionId: string;
  policy?: GraphPolicy;
}

export interface GraphExpiration { type: string; endDateTime?: string | null; duration?: string | null }
export interface GraphScheduleInfo { startDateTime?: string | null; expiration?: GraphExpiration; recurrence?: unknown }

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

export type ScheduleAction = 'adminAssign' | 'adminUpdate' | 'adminRemove' | 'adminExtend' | 'adminRenew' | 'selfActivate' | 'selfDeactivate' | 'selfExtend' | 'selfRenew';

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
}
export interface GraphApproval { id: string; stages?: GraphApprovalStage[] }
