// Policy changes as a reviewer reads them: "Member activation: longest activation 4 hours → 8 hours" instead of
// "member policy Expiration_EndUser_Assignment: activation.maxDuration PT4H → PT8H". The rule id and the YAML
// field stay available as secondary text (support and the CLI speak them). Pure: no `vscode`.
import type { FieldChange, UpdatePolicyRuleOp } from '../../plan/model';
import { durationInWords } from '../../time';

/** What each PIM rule governs, in words (rule ids as Graph names them; notification rules by prefix). */
const RULE_WORDS: Readonly<Record<string, string>> = {
  Expiration_EndUser_Assignment: 'activation length',
  Enablement_EndUser_Assignment: 'what activation requires',
  AuthenticationContext_EndUser_Assignment: 'activation authentication context',
  Approval_EndUser_Assignment: 'activation approval',
  Expiration_Admin_Eligibility: 'eligible assignments: expiry',
  Expiration_Admin_Assignment: 'active assignments: expiry',
  Enablement_Admin_Assignment: 'what an active assignment requires',
};

const FIELD_WORDS: Readonly<Record<string, string>> = {
  'activation.maxDuration': 'longest activation',
  'activation.requireMfa': 'MFA to activate',
  'activation.requireJustification': 'justification to activate',
  'activation.requireTicket': 'ticket to activate',
  'activation.authenticationContext': 'authentication context to activate',
  'activation.approval.required': 'approval to activate',
  'activation.approval.approvers': 'approvers',
  'activation.approval.requireApproverJustification': 'approver gives a justification',
  'activation.approval.timeoutDays': 'approval request expires after',
  'eligibility.maxDuration': 'longest eligible assignment',
  'eligibility.allowPermanent': 'permanent eligible assignments allowed',
  'assignment.maxDuration': 'longest active assignment',
  'assignment.allowPermanent': 'permanent active assignments allowed',
  'assignment.requireMfa': 'MFA to assign active',
  'assignment.requireJustification': 'justification to assign active',
  'assignment.requireTicket': 'ticket to assign active',
};

const EVENT_WORDS: Readonly<Record<string, string>> = {
  eligibleAssigned: 'someone is made eligible',
  activeAssigned: 'someone is assigned active',
  activated: 'someone activates',
};
const RECIPIENT_WORDS: Readonly<Record<string, string>> = {
  admin: 'admins',
  assignee: 'the assignee',
  approver: 'approvers',
};
const NOTIFICATION_SETTING_WORDS: Readonly<Record<string, (who: string) => string>> = {
  defaultRecipients: (who) => `email the default ${who}`,
  additionalRecipients: (who) => `also email (as ${who})`,
  criticalOnly: (who) => `only critical emails to ${who}`,
};

/** "Member activation approval" for the operation's heading. */
export function ruleInWords(op: Pick<UpdatePolicyRuleOp, 'role' | 'ruleId'>): string {
  const role = op.role === 'owner' ? 'Owner' : 'Member';
  const what = RULE_WORDS[op.ruleId] ?? (op.ruleId.startsWith('Notification_') ? 'notifications' : op.ruleId);
  return `${role} policy · ${what}`;
}

/** "longest activation", "when someone activates: email the default admins"; the field path when unknown. */
export function fieldInWords(field: string): string {
  if (FIELD_WORDS[field]) return FIELD_WORDS[field];
  const n = /^notifications\.(\w+)\.(\w+)\.(\w+)$/.exec(field);
  const event = n && EVENT_WORDS[n[1]];
  const who = n && RECIPIENT_WORDS[n[2]];
  const setting = n && NOTIFICATION_SETTING_WORDS[n[3]];
  return event && who && setting ? `when ${event}: ${setting(who)}` : field;
}

/** A value in words: durations spelled out, booleans as on/off, days counted, lists comma-separated. */
export function valueInWords(field: string, value: unknown): string {
  if (value === null || value === undefined) return '(not set)';
  if (typeof value === 'boolean') return value ? 'on' : 'off';
  if (Array.isArray(value)) return value.length ? value.join(', ') : '(none)';
  if (field.endsWith('.timeoutDays') && typeof value === 'number') return `${value} day${value === 1 ? '' : 's'}`;
  return typeof value === 'string' && value.startsWith('P') ? durationInWords(value) : String(value);
}

/** "longest activation: 4 hours → 8 hours" (display names where the plan carries them, e.g. approvers). */
export function changeInWords(c: FieldChange): string {
  const before = c.display?.before ?? valueInWords(c.field, c.before);
  const after = c.display?.after ?? valueInWords(c.field, c.after);
  return `${fieldInWords(c.field)}: ${before} → ${after}`;
}
