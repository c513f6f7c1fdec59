// One role's policy: desired fields vs the tenant's rules → one operation per rule that changes, field by field.
import type { PimGroupDefinition, PolicyTemplateDefinition, Role, RolePolicy } from '../definitions/model';
import type { GraphRule } from '../graph/types';
import { desiredPolicyFields } from './desiredPolicy';
import type { FieldChange, PlanIssue, UpdatePolicyRuleOp } from './model';
import { FIELD_BY_PATH, sameValue } from '../tenant/policyFields';
import { policyFieldSource } from './sourceRefs';

export interface PolicyPlanInput {
  def: PimGroupDefinition;
  role: Role;
  policy: RolePolicy;
  templates: readonly PolicyTemplateDefinition[];
  /** The tenant's rules, or the defaults for a group the plan creates. */
  rules: Record<string, GraphRule>;
  resolveApprover(ref: string): string | undefined;
  /** `user:<id>` → `user:lead@contoso.com`, for display. */
  nameOf?(typedId: string): string | undefined;
  /** Desired values at the last apply, for drift. */
  lastApplied?: Record<string, unknown>;
  dependsOn: string[];
}

export interface PolicyPlan {
  ops: UpdatePolicyRuleOp[];
  issues: PlanIssue[];
  /** Desired value of every managed field (for the fingerprint basis and the applied record). */
  desired: Record<string, unknown>;
  /** The value each field will have after apply: desired where managed, else the tenant's. */
  effective(path: string): unknown;
}

export function planPolicy(input: PolicyPlanInput): PolicyPlan {
  const { def, role } = input;
  const key = def.metadata.name;
  const { fields, unknownApprovers } = desiredPolicyFields(input.policy, input.resolveApprover);
  const issues: PlanIssue[] = unknownApprovers.map((ref) => ({
    severity: 'error',
    code: 'PIM213',
    groupKey: key,
    message: `Approver '${ref}' of the ${role} policy was not found in the tenant.`,
    source: policyFieldSource(def, role, ['activation', 'approval', 'approvers'], input.templates),
  }));
  const desired: Record<string, unknown> = {};
  const byRule = new Map<string, FieldChange[]>();
  for (const f of fields) {
    const spec = FIELD_BY_PATH.get(f.path)!;
    desired[f.path] = f.value;
    const rule = input.rules[spec.ruleId];
    const before = rule ? spec.get(rule) : undefined;
    if (rule && sameValue(spec.kind, before, f.value)) continue;
    const last = input.lastApplied?.[f.path];
    const change: FieldChange = {
      field: f.path,
      before: before ?? null,
      after: f.value,
      weakens: Boolean(spec.weakens?.(before, f.value)),
      drift: input.lastApplied !== undefined && last !== undefined && sameValue(spec.kind, last, f.value),
      source: policyFieldSource(def, role, f.yamlPath, input.templates),
    };
    if (spec.kind === 'ids') {
      const names = (v: unknown) =>
        ((v as string[] | undefined) ?? []).map((id) => input.nameOf?.(id) ?? id).join(', ') || '(none)';
      change.display = { before: names(before), after: names(f.value) };
    }
    byRule.set(spec.ruleId, [...(byRule.get(spec.ruleId) ?? []), change]);
  }
  const ops: UpdatePolicyRuleOp[] = [...byRule].map(([ruleId, changes]) => ({
    kind: 'updatePolicyRule',
    id: `${key}/policy/${role}/${ruleId}`,
    groupKey: key,
    role,
    ruleId,
    changes,
    summary: `${role} policy ${ruleId}: ${changes.map((c) => c.field).join(', ')}`,
    marks: [
      ...(changes.some((c) => c.weakens) ? ['weakens-policy' as const] : []),
      ...(changes.some((c) => c.drift) ? ['drift' as const] : []),
    ],
    source: changes[0].source,
    dependsOn: input.dependsOn,
  }));
  return {
    ops,
    issues,
    desired,
    effective(path) {
      if (path in desired) return desired[path];
      const spec = FIELD_BY_PATH.get(path)!;
      const rule = input.rules[spec.ruleId];
      return rule ? spec.get(rule) : undefined;
    },
  };
}

/** Applies field changes to a rule read from the tenant (apply re-reads rules, so unmanaged settings are kept). */
export function applyChanges(rule: GraphRule, changes: Pick<FieldChange, 'field' | 'after'>[]): GraphRule {
  const next = JSON.parse(JSON.stringify(rule)) as GraphRule;
  for (const c of changes) FIELD_BY_PATH.get(c.field)!.set(next, c.after);
  return next;
}
