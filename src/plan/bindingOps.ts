// The planner's entry into bindings: appends a group's binding operations (after everything else in its plan) and
// its blast radius, unless the group itself cannot be planned.
import type { PimGroupDefinition } from '../definitions/model';
import { planBindings } from '../bindings/planBindings';
import type { ActualState } from '../tenant/actualState';
import type { AppliedGroupRecord } from './appliedRecord';
import type { GroupPlan, PlanIssue } from './model';

export function appendBindings(
  def: PimGroupDefinition,
  state: ActualState,
  plan: GroupPlan,
  issues: PlanIssue[],
  record?: AppliedGroupRecord,
  last?: AppliedGroupRecord,
): void {
  if (!def.bindings) return;
  if (record) record.bindings = def.bindings;
  const lookup = state.groups[def.metadata.name];
  if (lookup?.state === 'ambiguous' || lookup?.state === 'error') return;
  if (lookup?.state !== 'found' && def.group.id) return;
  if (
    issues.some((i) => i.severity === 'error' && i.groupKey === def.metadata.name && /^PIM(20[3-6]|240)$/.test(i.code))
  )
    return;
  // A failed group creation skips its bindings.
  const dependsOn = plan.operations.filter((o) => o.kind === 'createGroup').map((o) => o.id);
  const r = planBindings(
    def,
    state.bindings,
    lookup?.state === 'found' ? lookup.group.id : undefined,
    dependsOn,
    last?.bindings,
  );
  plan.operations.push(...r.ops);
  issues.push(...r.issues);
  plan.grants = r.grants;
}
