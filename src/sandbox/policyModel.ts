// A group's two PIM policies. Ids are derived from (seed, group, role, onboarded), so every group has readable
// policies without storing 34 rules for each of 5,000 groups, and onboarding changes the ids as the service does
// ("after a group is onboarded the policy and policy-assignment ids change"; reference §3.1).
import { guidFrom } from './ids';
import { defaultRules } from './policyDefaults';
import { idRecord } from './records';
import type { AccessId, SbGroup, SbPolicy, SbRule, SbState } from './types';

export const ROLES: AccessId[] = ['member', 'owner'];

export function policyId(state: SbState, g: SbGroup, role: AccessId): string {
  return `Group_${g.id}_${guidFrom(`${state.seed}:policy:${g.id}:${role}:${g.pimOnboarded ? 1 : 0}`)}`;
}

/** Finds the group and role a policy id currently names (an id from before onboarding no longer resolves). */
export function resolvePolicyId(state: SbState, id: string): { group: SbGroup; role: AccessId } | undefined {
  const m = /^Group_([0-9a-f-]{36})_([0-9a-f-]{36})$/i.exec(id);
  const group = m ? state.groups[m[1].toLowerCase()] : undefined;
  if (!group) return undefined;
  const role = ROLES.find((r) => policyId(state, group, r).toLowerCase() === id.toLowerCase());
  return role ? { group, role } : undefined;
}

export function storedPolicy(state: SbState, groupId: string, role: AccessId): SbPolicy | undefined {
  return state.policies[`${groupId}|${role}`];
}

export function rulesOf(state: SbState, groupId: string, role: AccessId): SbRule[] {
  const overrides = storedPolicy(state, groupId, role)?.overrides ?? {};
  return defaultRules().map((r) => overrides[r.id] ?? r);
}

export function ruleOf(state: SbState, groupId: string, role: AccessId, ruleId: string): SbRule {
  const r = rulesOf(state, groupId, role).find((x) => x.id === ruleId);
  if (!r) throw new Error(`no rule ${ruleId}`);
  return r;
}

export function writeRule(
  state: SbState,
  groupId: string,
  role: AccessId,
  rule: SbRule,
  by: { id: string; displayName: string },
  now: Date,
): void {
  const key = `${groupId}|${role}`;
  const p =
    state.policies[key] ??
    (state.policies[key] = {
      groupId,
      roleDefinitionId: role,
      lastModifiedDateTime: null,
      lastModifiedBy: { displayName: null, id: null },
      overrides: idRecord<SbRule>(),
    });
  p.overrides[rule.id] = rule;
  p.lastModifiedDateTime = now.toISOString();
  p.lastModifiedBy = { displayName: by.displayName, id: by.id };
}

export function policyView(
  state: SbState,
  g: SbGroup,
  role: AccessId,
  withRules: boolean,
  ruleSelect?: string[],
): Record<string, unknown> {
  const stored = storedPolicy(state, g.id, role);
  const view: Record<string, unknown> = {
    id: policyId(state, g, role),
    displayName: 'Group',
    description: 'Group',
    isOrganizationDefault: false,
    scopeId: g.id,
    scopeType: 'Group',
    lastModifiedDateTime: stored?.lastModifiedDateTime ?? null,
    lastModifiedBy: stored?.lastModifiedBy ?? { displayName: null, id: null },
  };
  if (withRules) {
    view.rules = rulesOf(state, g.id, role).map((r) =>
      ruleSelect?.length
        ? Object.fromEntries([['@odata.type', r['@odata.type']], ...ruleSelect.map((k) => [k, r[k] ?? null])])
        : r,
    );
  }
  return view;
}

export function policyAssignmentView(state: SbState, g: SbGroup, role: AccessId): Record<string, unknown> {
  const pid = policyId(state, g, role);
  return { id: `${pid}_${role}`, policyId: pid, scopeId: g.id, scopeType: 'Group', roleDefinitionId: role };
}

/** Implicit onboarding: the first PIM request or policy change for a group. Permanent; changes the policy ids. */
export function onboard(g: SbGroup): boolean {
  if (g.pimOnboarded) return false;
  g.pimOnboarded = true;
  return true;
}
