// After apply: re-read the tenant and check that every operation that reported success is visible there.
import { readActualState } from '../tenant/readTenant';
import type { GraphTransport } from '../graph/transport';
import { allOperations, AssignmentOp, Operation, Plan } from '../plan/model';
import { readSchedulesFor } from './tenantReads';
import { FIELD_BY_PATH, sameValue } from '../tenant/policyFields';
import { landed } from './assignmentSteps';
import type { OperationOutcome } from './model';
import { bindingLanded } from '../bindings/converged';

const isAssignment = (op: Operation): op is AssignmentOp =>
  op.kind === 'addAssignment' || op.kind === 'updateAssignment' || op.kind === 'removeAssignment';

export async function verifyConvergence(
  t: GraphTransport,
  plan: Plan,
  outcomes: OperationOutcome[],
  now: Date,
  groupIds: ReadonlyMap<string, string>,
): Promise<string[]> {
  const done = new Set(outcomes.filter((o) => o.status === 'done').map((o) => o.id));
  const doneOps = allOperations(plan).filter((op) => done.has(op.id));
  if (doneOps.every(isAssignment)) return verifyAssignments(t, doneOps as AssignmentOp[], now, groupIds);
  const state = await readActualState(t, {
    groups: plan.basis.groups,
    principalRefs: plan.basis.principalRefs,
    bindings: plan.basis.bindings,
  });
  const problems: string[] = [];
  for (const op of doneOps) {
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

/** Only assignments changed (the bulk case): one schedule list per group and kind touched is the whole check, not a
 *  re-read of every group's policies and both lists (which cost about a third of a bulk apply's requests). */
async function verifyAssignments(
  t: GraphTransport,
  ops: AssignmentOp[],
  now: Date,
  groupIds: ReadonlyMap<string, string>,
): Promise<string[]> {
  const schedules = await readSchedulesFor(t, ops, (k) => groupIds.get(k));
  const problems: string[] = [];
  for (const op of ops) {
    const id = groupIds.get(op.groupKey);
    if (!id) problems.push(`${op.groupKey}: the group is not found after apply`);
    else if (!landed(op, schedules.get(id)!, now.getTime()))
      problems.push(`${op.summary}: not reflected in the tenant`);
  }
  return problems;
}
