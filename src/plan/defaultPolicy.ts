// The policy a group has before anyone changed it (reference §3.2, documented for `owner`; the `member` policy is
// assumed identical — UNCONFIRMED). The planner diffs against it for a group the plan will create.
import type { GraphRule } from '../graph/types';
import { defaultApprovalStage } from '../tenant/policyFields';

const NS = '#microsoft.graph.unifiedRoleManagementPolicy';
type Caller = 'Admin' | 'EndUser';
type Level = 'Eligibility' | 'Assignment';
const target = (caller: Caller, level: Level) => ({
  caller,
  operations: ['All'],
  level,
  inheritableSettings: [],
  enforcedSettings: [],
});
const expiration = (id: string, caller: Caller, level: Level, maximumDuration: string): GraphRule => ({
  '@odata.type': `${NS}ExpirationRule`,
  id,
  isExpirationRequired: true,
  maximumDuration,
  target: target(caller, level),
});
const enablement = (id: string, caller: Caller, level: Level, enabledRules: string[]): GraphRule => ({
  '@odata.type': `${NS}EnablementRule`,
  id,
  enabledRules,
  target: target(caller, level),
});
const notifications = (caller: Caller, level: Level): GraphRule[] =>
  (['Admin', 'Requestor', 'Approver'] as const).map((recipientType) => ({
    '@odata.type': `${NS}NotificationRule`,
    id: `Notification_${recipientType}_${caller}_${level}`,
    notificationType: 'Email',
    recipientType,
    notificationLevel: 'All',
    isDefaultRecipientsEnabled: true,
    notificationRecipients: [],
    target: target(caller, level),
  }));

export function defaultPolicyRules(): GraphRule[] {
  return [
    expiration('Expiration_Admin_Eligibility', 'Admin', 'Eligibility', 'P365D'),
    enablement('Enablement_Admin_Eligibility', 'Admin', 'Eligibility', []),
    ...notifications('Admin', 'Eligibility'),
    expiration('Expiration_Admin_Assignment', 'Admin', 'Assignment', 'P180D'),
    enablement('Enablement_Admin_Assignment', 'Admin', 'Assignment', ['Justification']),
    ...notifications('Admin', 'Assignment'),
    expiration('Expiration_EndUser_Assignment', 'EndUser', 'Assignment', 'PT8H'),
    enablement('Enablement_EndUser_Assignment', 'EndUser', 'Assignment', ['Justification']),
    {
      '@odata.type': `${NS}ApprovalRule`,
      id: 'Approval_EndUser_Assignment',
      target: target('EndUser', 'Assignment'),
      setting: {
        '@odata.type': 'microsoft.graph.approvalSettings',
        isApprovalRequired: false,
        isApprovalRequiredForExtension: false,
        isRequestorJustificationRequired: true,
        approvalMode: 'SingleStage',
        approvalStages: [defaultApprovalStage()],
      },
    },
    {
      '@odata.type': `${NS}AuthenticationContextRule`,
      id: 'AuthenticationContext_EndUser_Assignment',
      isEnabled: false,
      claimValue: null,
      target: target('EndUser', 'Assignment'),
    },
    ...notifications('EndUser', 'Assignment'),
  ];
}

export function rulesById(rules: GraphRule[]): Record<string, GraphRule> {
  return Object.fromEntries(rules.map((r) => [r.id, r]));
}
