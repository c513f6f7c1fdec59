// A tenant policy → the role block of a definition, with only what the language can say. Notification settings
// equal to the defaults are left out (unmanaged), so exported files stay readable.
import type { ActivationPolicy, Notifications, RolePolicy } from '../definitions/model';
import type { GraphRule } from '../graph/types';
import { FIELD_BY_PATH, NOTIFICATION_EVENTS, NOTIFICATION_RECIPIENTS } from '../tenant/policyFields';

export function policyFromRules(
  rules: Record<string, GraphRule>,
  nameOf: (typedId: string) => string | undefined,
): RolePolicy {
  const get = <T>(path: string): T | undefined => {
    const f = FIELD_BY_PATH.get(path)!;
    const rule = rules[f.ruleId];
    return rule ? (f.get(rule) as T) : undefined;
  };
  const activation: ActivationPolicy = {
    maxDuration: get<string>('activation.maxDuration') ?? undefined,
    requireMfa: get<boolean>('activation.requireMfa'),
    requireJustification: get<boolean>('activation.requireJustification'),
    requireTicket: get<boolean>('activation.requireTicket'),
  };
  const context = get<string | null>('activation.authenticationContext');
  if (context) {
    activation.authenticationContext = context;
    if (activation.requireMfa === false) delete activation.requireMfa;
  }
  if (rules.Approval_EndUser_Assignment) {
    activation.approval = get<boolean>('activation.approval.required')
      ? {
          approvers: (get<string[]>('activation.approval.approvers') ?? []).map((id) => nameOf(id) ?? id),
          requireApproverJustification: get<boolean>('activation.approval.requireApproverJustification'),
          timeoutDays: get<number>('activation.approval.timeoutDays'),
        }
      : null;
  }
  const policy: RolePolicy = { activation };
  for (const block of ['eligibility', 'assignment'] as const) {
    policy[block] = {
      allowPermanent: get<boolean>(`${block}.allowPermanent`),
      maxDuration: get<string>(`${block}.maxDuration`) ?? undefined,
    };
  }
  Object.assign(policy.assignment!, {
    requireMfa: get<boolean>('assignment.requireMfa'),
    requireJustification: get<boolean>('assignment.requireJustification'),
    requireTicket: get<boolean>('assignment.requireTicket'),
  });
  const notifications: Notifications = {};
  for (const event of Object.keys(NOTIFICATION_EVENTS) as (keyof typeof NOTIFICATION_EVENTS)[]) {
    for (const recipient of Object.keys(NOTIFICATION_RECIPIENTS) as (keyof typeof NOTIFICATION_RECIPIENTS)[]) {
      const base = `notifications.${event}.${recipient}`;
      const setting = {
        defaultRecipients: get<boolean>(`${base}.defaultRecipients`),
        additionalRecipients: get<string[]>(`${base}.additionalRecipients`),
        criticalOnly: get<boolean>(`${base}.criticalOnly`),
      };
      if (setting.defaultRecipients !== false && !setting.additionalRecipients?.length && !setting.criticalOnly)
        continue;
      (notifications[event] ??= {})[recipient] = setting;
    }
  }
  if (Object.keys(notifications).length) policy.notifications = notifications;
  return policy;
}
