// Validates and normalises a PATCHed policy rule against its current value: the derived @odata.type must be named
// (reference §3.1), enums are matched case-insensitively and written in the service's casing, durations are
// day-based, approvers and authentication contexts must exist.
import { GraphError } from './graphError';
import { parsePimDuration } from './duration';
import type { SbRule, SbState } from './types';

const bad = (m: string) => new GraphError(400, 'BadRequest', m); // UNCONFIRMED code for malformed rules
// A well-formed rule the service cannot accept (ISSUE terraform-provider-azuread #1537, #1605, #1761): approvers
// that do not exist, an enabled authentication context without a usable claimValue, expiration required without a
// usable maximum. The message is the service's, exactly; the detail is not in it.
const invalidPolicy = () => new GraphError(400, 'InvalidPolicy', 'The policy is invalid.');
const canon = (values: string[], v: unknown, name: string) => {
  const hit = typeof v === 'string' ? values.find((x) => x.toLowerCase() === v.toLowerCase()) : undefined;
  if (!hit) throw bad(`Invalid value '${String(v)}' for '${name}'.`);
  return hit;
};
const bool = (v: unknown, name: string) => {
  if (typeof v !== 'boolean') throw bad(`'${name}' must be a boolean.`);
  return v;
};

const RULE_PROPS: Record<string, string[]> = {
  ExpirationRule: ['isExpirationRequired', 'maximumDuration'],
  EnablementRule: ['enabledRules'],
  ApprovalRule: ['setting'],
  AuthenticationContextRule: ['isEnabled', 'claimValue'],
  NotificationRule: [
    'notificationType',
    'recipientType',
    'notificationLevel',
    'isDefaultRecipientsEnabled',
    'notificationRecipients',
  ],
};
const TARGET_PROPS = ['caller', 'operations', 'level', 'inheritableSettings', 'enforcedSettings', 'targetObjects'];
const SETTING_PROPS = [
  'isApprovalRequired',
  'isApprovalRequiredForExtension',
  'isRequestorJustificationRequired',
  'approvalMode',
  'approvalStages',
];
const STAGE_PROPS = [
  'approvalStageTimeOutInDays',
  'isApproverJustificationRequired',
  'escalationTimeInMinutes',
  'isEscalationEnabled',
  'primaryApprovers',
  'escalationApprovers',
];
const SUBJECT_PROPS = ['userId', 'groupId', 'id', 'isBackup', 'description', 'managerLevel'];

/** The rule types are closed: an unknown (or mis-cased) property name is refused, as OData does. */
function closed(obj: unknown, allowed: string[], type: string): void {
  if (!obj || typeof obj !== 'object' || Array.isArray(obj)) return;
  for (const k of Object.keys(obj)) {
    if (!allowed.includes(k) && !k.startsWith('@odata.'))
      throw bad(
        `The property '${k}' does not exist on type 'microsoft.graph.${type}'. Make sure to only use property names that are defined by the type or mark the type as open type.`,
      );
  }
}

function checkClosed(kind: string, patch: Record<string, unknown>): void {
  closed(patch, ['id', 'target', ...(RULE_PROPS[kind] ?? [])], `unifiedRoleManagementPolicy${kind}`);
  closed(patch.target, TARGET_PROPS, 'unifiedRoleManagementPolicyRuleTarget');
  const setting = patch.setting as Record<string, unknown> | undefined;
  closed(setting, SETTING_PROPS, 'approvalSettings');
  for (const st of (Array.isArray(setting?.approvalStages) ? setting!.approvalStages : []) as Record<
    string,
    unknown
  >[]) {
    closed(st, STAGE_PROPS, 'unifiedApprovalStage');
    for (const a of [
      ...(Array.isArray(st.primaryApprovers) ? st.primaryApprovers : []),
      ...(Array.isArray(st.escalationApprovers) ? st.escalationApprovers : []),
    ])
      closed(a, SUBJECT_PROPS, 'subjectSet');
  }
}

export function mergeRule(
  state: SbState,
  current: SbRule,
  patch: Record<string, unknown>,
  typeRequired: boolean,
): SbRule {
  const type = patch['@odata.type'];
  if (type === undefined) {
    if (typeRequired)
      throw bad(
        "The rule must carry its derived type in '@odata.type', e.g. '#microsoft.graph.unifiedRoleManagementPolicyExpirationRule'.",
      );
  } else if (
    typeof type !== 'string' ||
    type.replace(/^#/, '').toLowerCase() !== current['@odata.type'].replace(/^#/, '').toLowerCase()
  ) {
    throw bad(`The type '${String(type)}' does not match rule '${current.id}' (${current['@odata.type']}).`);
  }
  if (patch.id !== undefined && String(patch.id) !== current.id)
    throw bad(`The rule id '${String(patch.id)}' does not match '${current.id}'.`);
  checkClosed(current['@odata.type'].replace('#microsoft.graph.unifiedRoleManagementPolicy', ''), patch);
  const target = { ...(current.target as object), ...((patch.target as object | undefined) ?? {}) } as Record<
    string,
    unknown
  >;
  const merged: SbRule = { ...current, ...patch, '@odata.type': current['@odata.type'], id: current.id, target };
  target.caller = canon(['None', 'Admin', 'EndUser'], target.caller, 'target.caller');
  target.level = canon(['Eligibility', 'Assignment'], target.level, 'target.level');
  target.operations = ((target.operations as unknown[]) ?? []).map((o) =>
    canon(['All', 'Activate', 'Deactivate', 'Assign', 'Update', 'Remove', 'Extend', 'Renew'], o, 'target.operations'),
  );
  const kind = current['@odata.type'].replace('#microsoft.graph.unifiedRoleManagementPolicy', '');
  if (kind === 'ExpirationRule') {
    bool(merged.isExpirationRequired, 'isExpirationRequired');
    if (merged.maximumDuration === null || merged.maximumDuration === undefined) {
      if (merged.isExpirationRequired) throw invalidPolicy();
    } else {
      const p = parsePimDuration(String(merged.maximumDuration));
      if (!p.ok) throw invalidPolicy();
    }
  } else if (kind === 'EnablementRule') {
    if (!Array.isArray(merged.enabledRules)) throw bad('enabledRules must be an array.');
    merged.enabledRules = merged.enabledRules.map((r) =>
      canon(['MultiFactorAuthentication', 'Justification', 'Ticketing'], r, 'enabledRules'),
    );
  } else if (kind === 'ApprovalRule') {
    merged.setting = normaliseApproval(state, {
      ...(current.setting as object),
      ...((patch.setting as object | undefined) ?? {}),
    });
  } else if (kind === 'AuthenticationContextRule') {
    bool(merged.isEnabled, 'isEnabled');
    if (merged.isEnabled && (typeof merged.claimValue !== 'string' || !state.authenticationContexts[merged.claimValue]))
      throw invalidPolicy();
  } else if (kind === 'NotificationRule') {
    merged.notificationType = canon(['Email'], merged.notificationType, 'notificationType');
    merged.recipientType = canon(['Requestor', 'Approver', 'Admin'], merged.recipientType, 'recipientType');
    merged.notificationLevel = canon(['None', 'Critical', 'All'], merged.notificationLevel, 'notificationLevel');
    bool(merged.isDefaultRecipientsEnabled, 'isDefaultRecipientsEnabled');
    if (!Array.isArray(merged.notificationRecipients)) throw bad('notificationRecipients must be an array.');
  }
  return merged;
}

function normaliseApproval(state: SbState, s: Record<string, unknown>): Record<string, unknown> {
  bool(s.isApprovalRequired, 'setting.isApprovalRequired');
  const mode = canon(
    ['SingleStage', 'Serial', 'Parallel', 'NoApproval'],
    s.approvalMode ?? 'SingleStage',
    'setting.approvalMode',
  );
  const stages = (s.approvalStages as Record<string, unknown>[] | undefined) ?? [];
  if (!Array.isArray(stages) || stages.length > 2 || (s.isApprovalRequired && stages.length === 0))
    throw bad('approvalStages must have one or two stages.');
  const subjects = (list: unknown) =>
    ((list as Record<string, unknown>[] | undefined) ?? []).map((a) => {
      const type = String(a['@odata.type'] ?? '').replace(/^#?/, '#');
      const id = String(a.userId ?? a.groupId ?? a.id ?? '').toLowerCase();
      if (/singleuser$/i.test(type)) {
        if (!state.users[id]) throw invalidPolicy();
        return {
          '@odata.type': '#microsoft.graph.singleUser',
          isBackup: a.isBackup === true,
          userId: id,
          description: a.description ?? null,
        };
      }
      if (/groupmembers$/i.test(type)) {
        if (!state.groups[id]) throw invalidPolicy();
        return {
          '@odata.type': '#microsoft.graph.groupMembers',
          isBackup: a.isBackup === true,
          groupId: id,
          description: a.description ?? null,
        };
      }
      throw bad(`Unsupported approver type '${type}'.`);
    });
  // Approvers have 24 hours and the window is not configurable (Microsoft Learn, PIM approval pages); the exact
  // refusal of another value is UNCONFIRMED: the invalid-policy answer the service gives other bad settings.
  for (const st of stages) if (Number(st.approvalStageTimeOutInDays ?? 1) !== 1) throw invalidPolicy();
  return {
    ...s,
    approvalMode: mode,
    approvalStages: stages.map((st) => ({
      ...st,
      approvalStageTimeOutInDays: 1,
      primaryApprovers: subjects(st.primaryApprovers),
      escalationApprovers: subjects(st.escalationApprovers),
    })),
  };
}
