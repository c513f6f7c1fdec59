// The 17 rules of a group's PIM policy with the documented defaults for a group (docs example for `owner`; the
// member policy is assumed identical – UNCONFIRMED, see reference §3.2): no permanent eligible or active assignment,
// eligibility ≤ P365D, active ≤ P180D, activation ≤ PT8H with justification, no MFA, no approval.
import type { SbRule } from './types';

const T = (caller: 'Admin' | 'EndUser', level: 'Eligibility' | 'Assignment') => ({
  caller,
  operations: ['All'],
  level,
  inheritableSettings: [],
  enforcedSettings: [],
});
const NS = '#microsoft.graph.unifiedRoleManagementPolicy';

const expiration = (
  id: string,
  caller: 'Admin' | 'EndUser',
  level: 'Eligibility' | 'Assignment',
  maximumDuration: string,
): SbRule => ({
  '@odata.type': `${NS}ExpirationRule`,
  id,
  isExpirationRequired: true,
  maximumDuration,
  target: T(caller, level),
});
const enablement = (
  id: string,
  caller: 'Admin' | 'EndUser',
  level: 'Eligibility' | 'Assignment',
  enabledRules: string[],
): SbRule => ({ '@odata.type': `${NS}EnablementRule`, id, enabledRules, target: T(caller, level) });
const notification = (
  recipientType: 'Admin' | 'Requestor' | 'Approver',
  caller: 'Admin' | 'EndUser',
  level: 'Eligibility' | 'Assignment',
): SbRule => ({
  '@odata.type': `${NS}NotificationRule`,
  id: `Notification_${recipientType}_${caller}_${level}`,
  notificationType: 'Email',
  recipientType,
  notificationLevel: 'All',
  isDefaultRecipientsEnabled: true,
  notificationRecipients: [],
  target: T(caller, level),
});

export function defaultRules(): SbRule[] {
  return [
    expiration('Expiration_Admin_Eligibility', 'Admin', 'Eligibility', 'P365D'),
    enablement('Enablement_Admin_Eligibility', 'Admin', 'Eligibility', []),
    notification('Admin', 'Admin', 'Eligibility'),
    notification('Requestor', 'Admin', 'Eligibility'),
    notification('Approver', 'Admin', 'Eligibility'),
    expiration('Expiration_Admin_Assignment', 'Admin', 'Assignment', 'P180D'),
    enablement('Enablement_Admin_Assignment', 'Admin', 'Assignment', ['Justification']),
    notification('Admin', 'Admin', 'Assignment'),
    notification('Requestor', 'Admin', 'Assignment'),
    notification('Approver', 'Admin', 'Assignment'),
    expiration('Expiration_EndUser_Assignment', 'EndUser', 'Assignment', 'PT8H'),
    enablement('Enablement_EndUser_Assignment', 'EndUser', 'Assignment', ['Justification']),
    {
      '@odata.type': `${NS}ApprovalRule`,
      id: 'Approval_EndUser_Assignment',
      target: T('EndUser', 'Assignment'),
      setting: {
        isApprovalRequired: false,
        isApprovalRequiredForExtension: false,
        isRequestorJustificationRequired: true,
        approvalMode: 'SingleStage',
        approvalStages: [
          {
            approvalStageTimeOutInDays: 1,
            isApproverJustificationRequired: true,
            escalationTimeInMinutes: 0,
            isEscalationEnabled: false,
            primaryApprovers: [],
            escalationApprovers: [],
          },
        ],
      },
    },
    {
      '@odata.type': `${NS}AuthenticationContextRule`,
      id: 'AuthenticationContext_EndUser_Assignment',
      isEnabled: false,
      claimValue: null,
      target: T('EndUser', 'Assignment'),
    },
    notification('Admin', 'EndUser', 'Assignment'),
    notification('Requestor', 'EndUser', 'Assignment'),
    notification('Approver', 'EndUser', 'Assignment'),
  ];
}

export const RULE_TYPES: Record<string, string> = Object.fromEntries(
  defaultRules().map((r) => [r.id, r['@odata.type']]),
);
