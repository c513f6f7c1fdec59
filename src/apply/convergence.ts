// After apply: re-read the tenant and check that every operation that reported success is visible there.
import { readActualState } from '../tenant/readTenant';
import type { GraphTransport } from '../graph/transport';
import { allOperations, Plan } from '../plan/model';
import { FIELD_BY_PATH, sameValue } from '../tenant/policyFields';
import { landed } from './assignmentSteps';
import type { OperationOutcome } from './model';
import { bindingLanded } from '../bindings/converged';

export async function verifyConvergence(
  t: GraphTransport,
  plan: Plan,
  outcomes: OperationOutcome[],
  now: Date,
): Promise<string[]> {
  const state = await readActualState(t, {
    groups: plan.basis.groups,
    principalRefs: plan.basis.principalRefs,
    bindings: plan.basis.bindings,
  });
  const done = new Set(outcomes.filter((o) => o.status === 'done').map((o) => o.id));
  const problems: string[] = [];
  for (const op of allOperations(plan)) {
    if (!done.has(op.id)) continue;
    const lookup = state.groups[op.groupKey];
    const group = lookup?.state === 'found' ? lookup.group : undefined;
    if (!group) {
      problems.push(`${op.groupKey}: the group is not found after apply`);
      continue;
    }
    switch (op.kind) {
      case 'updateGroup':
        for (const c of op.changes)
          if ((group[c.field] ?? '') !== c.after)
            problems.push(
              `${op.groupKey}: group ${c.field} is ${JSON.stringify(group[c.field])}, expected ${JSON.stringify(c.after)}`,
            );
        break;
      case 'onboardGroup':
        if (!group.onboarded) problems.push(`${op.summary}: the group is not listed as onboarded`);
        break;
      case 'updatePolicyRule': {
        const rule = group.policies[op.role]?.rules[op.ruleId];
        for (const c of op.changes) {
          const f = FIELD_BY_PATH.get(c.field)!;
          if (!rule || !sameValue(f.kind, f.get(rule), c.after))
            problems.push(
              `${op.groupKey} ${op.role} ${c.field}: expected ${JSON.stringify(c.after)}, found ${rule ? JSON.stringify(f.get(rule)) : 'no rule'}`,
            );
        }
        break;
      }
      case 'addAssignment':
      case 'updateAssignment':
      case 'removeAssignment':
        if (!landed(op, group.schedules, now.getTime())) problems.push(`${op.summary}: not reflected in the tenant`);
        break;
      case 'addOwner':
      case 'removeOwner':
        if ((group.owners ?? []).includes(op.principal.id.toLowerCase()) !== (op.kind === 'addOwner'))
          problems.push(`${op.groupKey}: ${op.summary}: not reflected in the tenant`);
        break;
      case 'binding':
        if (!bindingLanded(op, state.bindings))
          problems.push(`${op.groupKey}: ${op.summary}: not reflected in the tenant`);
        break;
    }
  }
  return problems;
}
