// A role's policy block (template already merged) as field values keyed like POLICY_FIELDS, plus the YAML path
// each value was written at. Only written fields appear: what is not written is not managed.
import type { RolePolicy } from '../definitions/model';
import { NOTIFICATION_EVENTS, NOTIFICATION_RECIPIENTS } from '../tenant/policyFields';

export interface DesiredField {
  path: string;
  value: unknown;
  yamlPath: string[];
}

/** `resolveApprover` turns `user:lead@…` / `group:Helpdesk Leads` into `user:<id>` / `group:<id>`; undefined = unknown. */
export function desiredPolicyFields(
  policy: RolePolicy,
  resolveApprover: (ref: string) => string | undefined,
): { fields: DesiredField[]; unknownApprovers: string[] } {
  const fields: DesiredField[] = [];
  const unknownApprovers: string[] = [];
  const put = (path: string, value: unknown, yamlPath = path.split('.')) => {
    if (value !== undefined) fields.push({ path, value, yamlPath });
  };
  const a = policy.activation;
  if (a) {
    put('activation.maxDuration', a.maxDuration);
    put('activation.requireMfa', a.requireMfa);
    put('activation.requireJustification', a.requireJustification);
    put('activation.requireTicket', a.requireTicket);
    put('activation.authenticationContext', a.authenticationContext);
    if (a.approval === null) put('activation.approval.required', false, ['activation', 'approval']);
    else if (a.approval) {
      const ids: string[] = [];
      for (const ref of a.approval.approvers ?? []) {
        const id = resolveApprover(ref);
        if (id) ids.push(id);
        else unknownApprovers.push(ref);
      }
      put('activation.approval.required', (a.approval.approvers ?? []).length > 0, ['activation', 'approval']);
      put('activation.approval.approvers', ids.sort(), ['activation', 'approval', 'approvers']);
      put('activation.approval.requireApproverJustification', a.approval.requireApproverJustification);
      put('activation.approval.timeoutDays', a.approval.timeoutDays);
    }
  }
  for (const block of ['eligibility', 'assignment'] as const) {
    const b = policy[block];
    if (!b) continue;
    put(`${block}.allowPermanent`, b.allowPermanent);
    put(`${block}.maxDuration`, b.maxDuration);
    if (block === 'assignment') {
      put('assignment.requireMfa', policy.assignment?.requireMfa);
      put('assignment.requireJustification', policy.assignment?.requireJustification);
      put('assignment.requireTicket', policy.assignment?.requireTicket);
    }
  }
  for (const event of Object.keys(NOTIFICATION_EVENTS) as (keyof typeof NOTIFICATION_EVENTS)[]) {
    for (const recipient of Object.keys(NOTIFICATION_RECIPIENTS) as (keyof typeof NOTIFICATION_RECIPIENTS)[]) {
      const n = policy.notifications?.[event]?.[recipient];
      if (!n) continue;
      const base = `notifications.${event}.${recipient}`;
      put(`${base}.defaultRecipients`, n.defaultRecipients);
      put(
        `${base}.additionalRecipients`,
        n.additionalRecipients && [...n.additionalRecipients].map((e) => e.toLowerCase()).sort(),
      );
      put(`${base}.criticalOnly`, n.criticalOnly);
    }
  }
  return { fields, unknownApprovers };
}
