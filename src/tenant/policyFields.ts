// The YAML policy fields and the 17 PIM rules they live in, exactly as docs/definitions.md documents them:
// one entry per managed field, with how to read it from a rule and write it into one. The planner diffs these
// fields; apply PATCHes the rules they belong to; export reads them back into YAML.
import { durationMinutes } from '../time';
import type { GraphRule } from '../graph/types';

export type FieldKind = 'duration' | 'boolean' | 'string' | 'number' | 'ids' | 'emails';

export interface PolicyField {
  /** Path inside a role's policy block, e.g. 'activation.maxDuration'. */
  path: string;
  ruleId: string;
  kind: FieldKind;
  get(rule: GraphRule): unknown;
  set(rule: GraphRule, value: unknown): void;
  /** True when moving from `before` to `after` lowers protection (marked in the plan). */
  weakens?(before: unknown, after: unknown): boolean;
}

const turnedOff = (b: unknown, a: unknown) => b === true && a === false;
const turnedOn = (b: unknown, a: unknown) => b === false && a === true;
const longer = (b: unknown, a: unknown) => (durationMinutes(String(a)) ?? 0) > (durationMinutes(String(b)) ?? Infinity);

function enablement(ruleId: string, flag: string, path: string): PolicyField {
  return {
    path, ruleId, kind: 'boolean',
    get: (r) => ((r.enabledRules as string[] | undefined) ?? []).includes(flag),
    set: (r, v) => {
      const list = ((r.enabledRules as string[] | undefined) ?? []).filter((x) => x !== flag);
      r.enabledRules = v ? [...list, flag] : list;
    },
    weakens: turnedOff,
  };
}

function expiration(ruleId: string, prefix: string, withPermanent: boolean): PolicyField[] {
  const fields: PolicyField[] = [{
    path: `${prefix}.maxDuration`, ruleId, kind: 'duration',
    get: (r) => (r.maximumDuration as string | undefined) ?? null,
    set: (r, v) => { r.maximumDuration = v; if (!withPermanent) r.isExpirationRequired = true; },
    weakens: longer,
  }];
  if (withPermanent) fields.push({
    path: `${prefix}.allowPermanent`, ruleId, kind: 'boolean',
    get: (r) => r.isExpirationRequired === false,
    set: (r, v) => { r.isExpirationRequired = !v; },
    weakens: turnedOn,
  });
  return fields;
}

interface ApprovalStage { approvalStageTimeOutInDays?: number; isApproverJustificationRequired?: boolean; primaryApprovers?: { '@odata.type'?: string; userId?: string; groupId?: string; id?: string }[]; [k: string]: unknown }
interface ApprovalSetting { isApprovalRequired?: boolean; approvalStages?: ApprovalStage[]; [k: string]: unknown }
const setting = (r: GraphRule) => ((r.setting ??= { '@odata.type': 'microsoft.graph.approvalSettings' }) as ApprovalSetting);
const stage = (r: GraphRule): ApprovalStage => {
  const s = setting(r);
  if (!s.approvalStages?.length) s.approvalStages = [{ '@odata.type': 'microsoft.graph.unifiedApprovalStage', approvalStageTimeOutInDays: 1, isApproverJustificationRequired: true, escalationTimeInMinutes: 0, isEscalationEnabled: false, primaryApprovers: [], escalationApprovers: [] }];
  return s.approvalStages[0];
};
/** Approvers as `user:<id>` / `group:<id>` so that a user and a group with the same id can never be confused. */
const approverIds = (r: GraphRule) => (setting(r).approvalStages?.[0]?.primaryApprovers ?? [])
  .map((a) => (/groupMembers/i.test(a['@odata.type'] ?? '') ? `group:${a.groupId ?? a.id}` : `user:${a.userId ?? a.id}`)).sort();

const APPROVAL = 'Approval_EndUser_Assignment';
const approvalFields: PolicyField[] = [
  {
    path: 'activation.approval.required', ruleId: APPROVAL, kind: 'boolean',
    get: (r) => setting(r).isApprovalRequired === true,
    set: (r, v) => { const s = setting(r); s.isApprovalRequired = Boolean(v); if (v) { s.approvalMode = 'SingleStage'; stage(r); } },
    weakens: turnedOff,
  },
  {
    path: 'activation.approval.approvers', ruleId: APPROVAL, kind: 'ids',
    get: (r) => approverIds(r),
    set: (r, v) => {
      stage(r).primaryApprovers = (v as string[]).map((ref) => ref.startsWith('group:')
        ? { '@odata.type': '#microsoft.graph.groupMembers', isBackup: false, groupId: ref.slice(6) }
        : { '@odata.type': '#microsoft.graph.singleUser', isBackup: false, userId: ref.slice(5) });
    },
  },
  {
    path: 'activation.approval.requireApproverJustification', ruleId: APPROVAL, kind: 'boolean',
    get: (r) => setting(r).approvalStages?.[0]?.isApproverJustificationRequired ?? true,
    set: (r, v) => { stage(r).isApproverJustificationRequired = Boolean(v); },
    weakens: turnedOff,
  },
  {
    path: 'activation.approval.timeoutDays', ruleId: APPROVAL, kind: 'number',
    get: (r) => setting(r).approvalStages?.[0]?.approvalStageTimeOutInDays ?? 1,
    set: (r, v) => { stage(r).approvalStageTimeOutInDays = Number(v); },
  },
];

export const NOTIFICATION_EVENTS = { eligibleAssigned: 'Admin_Eligibility', activeAssigned: 'Admin_Assignment', activated: 'EndUser_Assignment' } as const;
export const NOTIFICATION_RECIPIENTS = { admin: 'Admin', assignee: 'Requestor', approver: 'Approver' } as const;

function notificationFields(): PolicyField[] {
  const out: PolicyField[] = [];
  for (const [event, suffix] of Object.entries(NOTIFICATION_EVENTS)) {
    for (const [recipient, type] of Object.entries(NOTIFICATION_RECIPIENTS)) {
      const ruleId = `Notification_${type}_${suffix}`;
      const base = `notifications.${event}.${recipient}`;
      out.push(
        { path: `${base}.defaultRecipients`, ruleId, kind: 'boolean', get: (r) => r.isDefaultRecipientsEnabled !== false, set: (r, v) => { r.isDefaultRecipientsEnabled = Boolean(v); } },
        { path: `${base}.additionalRecipients`, ruleId, kind: 'emails', get: (r) => ((r.notificationRecipients as string[] | undefined) ?? []).map((e) => e.toLowerCase()).sort(), set: (r, v) => { r.notificationRecipients = v; } },
        { path: `${base}.criticalOnly`, ruleId, kind: 'boolean', get: (r) => r.notificationLevel === 'Critical', set: (r, v) => { r.notificationLevel = v ? 'Critical' : 'All'; } },
      );
    }
  }
  return out;
}

export const POLICY_FIELDS: readonly PolicyField[] = [
  ...expiration('Expiration_EndUser_Assignment', 'activation', false),
  enablement('Enablement_EndUser_Assignment', 'MultiFactorAuthentication', 'activation.requireMfa'),
  enablement('Enablement_EndUser_Assignment', 'Justification', 'activation.requireJustification'),
  enablement('Enablement_EndUser_Assignment', 'Ticketing', 'activation.requireTicket'),
  {
    path: 'activation.authenticationContext', ruleId: 'AuthenticationContext_EndUser_Assignment', kind: 'string',
    get: (r) => (r.isEnabled === true ? (r.claimValue as string | null) ?? null : null),
    set: (r, v) => { r.isEnabled = v !== null && v !== undefined; r.claimValue = v ?? null; },
    weakens: (b, a) => b !== null && a === null,
  },
  ...approvalFields,
  ...expiration('Expiration_Admin_Eligibility', 'eligibility', true),
  ...expiration('Expiration_Admin_Assignment', 'assignment', true),
  enablement('Enablement_Admin_Assignment', 'MultiFactorAuthentication', 'assignment.requireMfa'),
  enablement('Enablement_Admin_Assignment', 'Justification', 'assignment.requireJustification'),
  enablement('Enablement_Admin_Assignment', 'Ticketing', 'assignment.requireTicket'),
  ...notificationFields(),
];

export const FIELD_BY_PATH: ReadonlyMap<string, PolicyField> = new Map(POLICY_FIELDS.map((f) => [f.path, f]));

/** Two field values mean the same thing (durations by length, lists as sets). */
export function sameValue(kind: FieldKind, a: unknown, b: unknown): boolean {
  if (kind === 'duration') return a === b || (a != null && b != null && durationMinutes(String(a)) === durationMinutes(String(b)));
  if (kind === 'ids' || kind === 'emails') return JSON.stringify([...(a as string[] ?? [])].map((x) => x.toLowerCase()).sort()) === JSON.stringify([...(b as string[] ?? [])].map((x) => x.toLowerCase()).sort());
  return a === b;
}
