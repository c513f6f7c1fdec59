// The YAML policy fields and the 17 PIM rules they live in, exactly as docs/definitions.md documents them:
// one entry per managed field, with how to read it from a rule and write it into one. The planner diffs these
// fields; apply PATCHes the rules they belong to; export reads them back into YAML.
import { durationMinutes } from '../time';
import type {
  ApprovalRule,
  ApprovalSettings,
  ApprovalStage,
  AuthenticationContextRule,
  EnablementRule,
  ExpirationRule,
  GraphRule,
  NotificationRule,
} from '../graph/types';

export type FieldKind = 'duration' | 'boolean' | 'string' | 'number' | 'ids' | 'emails';

/** `R`: the rule subtype the field lives in (its fields typed by Graph's own types). */
export interface PolicyField<R extends GraphRule = GraphRule> {
  /** Path inside a role's policy block, e.g. 'activation.maxDuration'. */
  path: string;
  ruleId: string;
  kind: FieldKind;
  get(rule: R): unknown;
  set(rule: R, value: unknown): void;
  /** True when moving from `before` to `after` lowers protection (marked in the plan). */
  weakens?(before: unknown, after: unknown): boolean;
}

const turnedOff = (b: unknown, a: unknown) => b === true && a === false;
const turnedOn = (b: unknown, a: unknown) => b === false && a === true;
const longer = (b: unknown, a: unknown) => (durationMinutes(String(a)) ?? 0) > (durationMinutes(String(b)) ?? Infinity);

function enablement(ruleId: string, flag: string, path: string): PolicyField<EnablementRule> {
  return {
    path,
    ruleId,
    kind: 'boolean',
    get: (r) => (r.enabledRules ?? []).includes(flag),
    set: (r, v) => {
      const list = (r.enabledRules ?? []).filter((x) => x !== flag);
      r.enabledRules = v ? [...list, flag] : list;
    },
    weakens: turnedOff,
  };
}

function expiration(ruleId: string, prefix: string, withPermanent: boolean): PolicyField<ExpirationRule>[] {
  const fields: PolicyField<ExpirationRule>[] = [
    {
      path: `${prefix}.maxDuration`,
      ruleId,
      kind: 'duration',
      get: (r) => r.maximumDuration ?? null,
      set: (r, v) => {
        r.maximumDuration = v as string;
        if (!withPermanent) r.isExpirationRequired = true;
      },
      weakens: longer,
    },
  ];
  if (withPermanent)
    fields.push({
      path: `${prefix}.allowPermanent`,
      ruleId,
      kind: 'boolean',
      get: (r) => r.isExpirationRequired === false,
      set: (r, v) => {
        r.isExpirationRequired = !v;
      },
      weakens: turnedOn,
    });
  return fields;
}

const setting = (r: ApprovalRule): ApprovalSettings =>
  (r.setting ??= { '@odata.type': 'microsoft.graph.approvalSettings' });
const stage = (r: ApprovalRule): ApprovalStage => {
  const s = setting(r);
  if (!s.approvalStages?.length) s.approvalStages = [defaultApprovalStage()];
  return s.approvalStages[0];
};

/** The single approval stage a new policy has (the service fixes the 1-day timeout for groups). */
export function defaultApprovalStage(): ApprovalStage {
  return {
    '@odata.type': 'microsoft.graph.unifiedApprovalStage',
    approvalStageTimeOutInDays: 1,
    isApproverJustificationRequired: true,
    escalationTimeInMinutes: 0,
    isEscalationEnabled: false,
    primaryApprovers: [],
    escalationApprovers: [],
  };
}
/** Approvers as `user:<id>` / `group:<id>` so that a user and a group with the same id can never be confused. */
const approverIds = (r: ApprovalRule) =>
  (setting(r).approvalStages?.[0]?.primaryApprovers ?? [])
    .map((a) =>
      /groupMembers/i.test(a['@odata.type'] ?? '') ? `group:${a.groupId ?? a.id}` : `user:${a.userId ?? a.id}`,
    )
    .sort();

const APPROVAL = 'Approval_EndUser_Assignment';
const approvalFields: PolicyField<ApprovalRule>[] = [
  {
    path: 'activation.approval.required',
    ruleId: APPROVAL,
    kind: 'boolean',
    get: (r) => setting(r).isApprovalRequired === true,
    set: (r, v) => {
      const s = setting(r);
      s.isApprovalRequired = Boolean(v);
      if (v) {
        s.approvalMode = 'SingleStage';
        stage(r);
      }
    },
    weakens: turnedOff,
  },
  {
    path: 'activation.approval.approvers',
    ruleId: APPROVAL,
    kind: 'ids',
    get: (r) => approverIds(r),
    set: (r, v) => {
      stage(r).primaryApprovers = (v as string[]).map((ref) =>
        ref.startsWith('group:')
          ? { '@odata.type': '#microsoft.graph.groupMembers', isBackup: false, groupId: ref.slice(6) }
          : { '@odata.type': '#microsoft.graph.singleUser', isBackup: false, userId: ref.slice(5) },
      );
    },
  },
  {
    path: 'activation.approval.requireApproverJustification',
    ruleId: APPROVAL,
    kind: 'boolean',
    get: (r) => setting(r).approvalStages?.[0]?.isApproverJustificationRequired ?? true,
    set: (r, v) => {
      stage(r).isApproverJustificationRequired = Boolean(v);
    },
    weakens: turnedOff,
  },
  {
    path: 'activation.approval.timeoutDays',
    ruleId: APPROVAL,
    kind: 'number',
    get: (r) => setting(r).approvalStages?.[0]?.approvalStageTimeOutInDays ?? 1,
    set: (r, v) => {
      stage(r).approvalStageTimeOutInDays = Number(v);
    },
  },
];

export const NOTIFICATION_EVENTS = {
  eligibleAssigned: 'Admin_Eligibility',
  activeAssigned: 'Admin_Assignment',
  activated: 'EndUser_Assignment',
} as const;
export const NOTIFICATION_RECIPIENTS = { admin: 'Admin', assignee: 'Requestor', approver: 'Approver' } as const;

function notificationFields(): PolicyField<NotificationRule>[] {
  const out: PolicyField<NotificationRule>[] = [];
  for (const [event, suffix] of Object.entries(NOTIFICATION_EVENTS)) {
    for (const [recipient, type] of Object.entries(NOTIFICATION_RECIPIENTS)) {
      const ruleId = `Notification_${type}_${suffix}`;
      const base = `notifications.${event}.${recipient}`;
      out.push(
        {
          path: `${base}.defaultRecipients`,
          ruleId,
          kind: 'boolean',
          get: (r) => r.isDefaultRecipientsEnabled !== false,
          set: (r, v) => {
            r.isDefaultRecipientsEnabled = Boolean(v);
          },
        },
        {
          path: `${base}.additionalRecipients`,
          ruleId,
          kind: 'emails',
          get: (r) => (r.notificationRecipients ?? []).map((e) => e.toLowerCase()).sort(),
          set: (r, v) => {
            r.notificationRecipients = v as string[];
          },
        },
        {
          path: `${base}.criticalOnly`,
          ruleId,
          kind: 'boolean',
          get: (r) => r.notificationLevel === 'Critical',
          set: (r, v) => {
            r.notificationLevel = v ? 'Critical' : 'All';
          },
        },
      );
    }
  }
  return out;
}

const authenticationContext: PolicyField<AuthenticationContextRule> = {
  path: 'activation.authenticationContext',
  ruleId: 'AuthenticationContext_EndUser_Assignment',
  kind: 'string',
  get: (r) => (r.isEnabled === true ? (r.claimValue ?? null) : null),
  set: (r, v) => {
    r.isEnabled = v !== null && v !== undefined;
    r.claimValue = (v as string | null | undefined) ?? null;
  },
  weakens: (b, a) => b !== null && a === null,
};

export const POLICY_FIELDS: readonly PolicyField[] = [
  ...expiration('Expiration_EndUser_Assignment', 'activation', false),
  enablement('Enablement_EndUser_Assignment', 'MultiFactorAuthentication', 'activation.requireMfa'),
  enablement('Enablement_EndUser_Assignment', 'Justification', 'activation.requireJustification'),
  enablement('Enablement_EndUser_Assignment', 'Ticketing', 'activation.requireTicket'),
  authenticationContext,
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
  if (kind === 'duration')
    return a === b || (a != null && b != null && durationMinutes(String(a)) === durationMinutes(String(b)));
  if (kind === 'ids' || kind === 'emails')
    return (
      JSON.stringify([...((a as string[]) ?? [])].map((x) => x.toLowerCase()).sort()) ===
      JSON.stringify([...((b as string[]) ?? [])].map((x) => x.toLowerCase()).sort())
    );
  return a === b;
}
