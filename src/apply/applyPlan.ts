// Performs a plan: refuse when stale, then create groups → onboard → re-resolve policy ids → rules → assignments,
// each step batched across groups; a failed step skips only what depends on it; cancellation stops between
// steps; finally the tenant is re-read and every operation's effect checked.
import { paths } from '../graph/api/paths';
import { readActualState } from '../tenant/readTenant';
import { listOnboardedGroupIds } from '../tenant/onboarded';
import type { ActualPolicy } from '../tenant/actualState';
import type { GraphTransport } from '../graph/transport';
import type { Role } from '../definitions/model';
import { fingerprintOf } from '../plan/fingerprint';
import {
  allOperations,
  AssignmentOp,
  BindingOp,
  CreateGroupOp,
  hasErrors,
  OnboardGroupOp,
  OwnerOp,
  Plan,
  UpdateGroupOp,
  UpdatePolicyRuleOp,
} from '../plan/model';
import { applyChanges } from '../plan/planPolicy';
import { runAssignmentOps } from './assignmentSteps';
import { applyBindingOps } from '../bindings/applyBindings';
import { verifyConvergence } from './convergence';
import { ApplyEvent, ApplyReport, PlanHasErrorsError, StalePlanError } from './model';
import { Ledger } from './outcomes';
import { pollUntil } from './poll';
import { createGroups } from './createGroups';
import { readPolicies } from './tenantReads';
import { runOwnerOps } from './ownerSteps';

export interface ApplyOptions {
  /** Stops between steps; requests already sent finish and are reported. */
  signal?: AbortSignal;
  onEvent?(e: ApplyEvent): void;
  replicationTimeoutMs?: number;
  now?(): Date;
}

export async function applyPlan(t: GraphTransport, plan: Plan, opts: ApplyOptions = {}): Promise<ApplyReport> {
  if (hasErrors(plan)) throw new PlanHasErrorsError(plan.summary.errors);
  const scope = { groups: plan.basis.groups, principalRefs: plan.basis.principalRefs };
  const fresh = await readActualState(t, scope, opts.signal);
  if (fingerprintOf(plan.basis, fresh) !== plan.fingerprint) throw new StalePlanError();

  const ops = allOperations(plan);
  const emit = opts.onEvent ?? (() => undefined);
  const ledger = new Ledger(ops, emit);
  const stop = opts.signal;
  const groupIds = new Map<string, string>();
  for (const g of plan.groups) {
    const lookup = fresh.groups[g.key];
    if (lookup?.state === 'found') groupIds.set(g.key, lookup.group.id);
  }
  const idOf = (key: string) => groupIds.get(key)!;
  const poll = { timeoutMs: opts.replicationTimeoutMs ?? 120_000 };
  const phase = <T extends { kind: string }>(kind: T['kind'], name: string): T[] => {
    const list = ops.filter((o) => o.kind === kind) as unknown as T[];
    if (list.length) emit({ type: 'phase', phase: name, total: list.length });
    return list.filter((o) => ledger.ready(o as never));
  };
  const cancelled = () => {
    if (stop?.aborted) {
      ledger.cancelRest();
      return true;
    }
    return false;
  };

  const steps: (() => Promise<void>)[] = [
    async () => createGroups(t, phase<CreateGroupOp>('createGroup', 'create groups'), ledger, groupIds, poll, stop),
    async () => updateGroups(t, phase<UpdateGroupOp>('updateGroup', 'update groups'), ledger, idOf, stop),
    async () => onboard(t, phase<OnboardGroupOp>('onboardGroup', 'onboard groups'), ledger, idOf, poll),
    async () => updateRules(t, phase<UpdatePolicyRuleOp>('updatePolicyRule', 'policy rules'), ledger, idOf, poll, stop),
    async () => {
      const assignments = ops.filter(
        (o): o is AssignmentOp =>
          o.kind === 'addAssignment' || o.kind === 'updateAssignment' || o.kind === 'removeAssignment',
      );
      if (assignments.length) emit({ type: 'phase', phase: 'assignments', total: assignments.length });
      const grants = assignments.filter((o) => o.kind !== 'removeAssignment' && ledger.ready(o));
      await runAssignmentOps(t, grants, idOf, ledger, stop, opts.now);
      if (cancelled()) return;
      // Removals last, so that nobody loses access before its replacement exists.
      await runAssignmentOps(
        t,
        assignments.filter((o) => o.kind === 'removeAssignment' && ledger.ready(o)),
        idOf,
        ledger,
        stop,
        opts.now,
      );
    },
    // Standing owners: added first and removed after, so the group keeps an owner throughout.
    async () => {
      const owners = ops.filter((o): o is OwnerOp => o.kind === 'addOwner' || o.kind === 'removeOwner');
      if (!owners.length) return;
      emit({ type: 'phase', phase: 'owners', total: owners.length });
      await runOwnerOps(
        t,
        owners.filter((o) => o.kind === 'addOwner' && ledger.ready(o)),
        idOf,
        ledger,
        stop,
      );
      if (cancelled()) return;
      await runOwnerOps(
        t,
        owners.filter((o) => o.kind === 'removeOwner' && ledger.ready(o)),
        idOf,
        ledger,
        stop,
      );
    },
    // Bindings last: what membership grants is wired once the group, its policy and its members are in place.
    async () =>
      applyBindingOps(
        t,
        phase<BindingOp>('binding', 'bindings'),
        (k) => groupIds.get(k),
        (op, status, detail) => ledger.settle(op as BindingOp, status, detail),
        stop,
      ),
  ];
  for (const step of steps) {
    if (cancelled()) break;
    await step();
  }
  cancelled();
  // An operation kind this version cannot perform must never pass as converged.
  for (const op of ops)
    if (!ledger.status(op.id)) ledger.settle(op, 'failed', `this version of pim-groups cannot perform '${op.kind}'`);
  emit({ type: 'verify' });
  const outcomes = ledger.all();
  const notConverged = await verifyConvergence(t, plan, outcomes, opts.now?.() ?? new Date(), groupIds);
  const counts = { done: 0, failed: 0, skipped: 0, cancelled: 0 };
  for (const o of outcomes) counts[o.status]++;
  return {
    outcomes,
    cancelled: Boolean(stop?.aborted),
    converged: counts.done === outcomes.length && notConverged.length === 0,
    notConverged,
    counts,
    groupIds: Object.fromEntries(groupIds),
  };
}

async function updateGroups(
  t: GraphTransport,
  ops: UpdateGroupOp[],
  ledger: Ledger,
  idOf: (k: string) => string,
  stop?: AbortSignal,
): Promise<void> {
  if (!ops.length) return;
  const res = await t.batch(
    ops.map((op) => ({
      method: 'PATCH' as const,
      url: paths.groupPatch(idOf(op.groupKey)),
      body: Object.fromEntries(op.changes.map((c) => [c.field, c.after])),
      idempotent: true,
    })),
    { stopSignal: stop },
  );
  ops.forEach((op, i) =>
    ledger.settle(
      op,
      res[i].cancelled ? 'cancelled' : res[i].error ? 'failed' : 'done',
      res[i].cancelled ? 'not attempted: apply was cancelled' : res[i].error,
    ),
  );
}

/** Policies of groups, waiting until the roles asked for are readable (ids change after onboarding). */
async function policiesFor(
  t: GraphTransport,
  want: Map<string, Role[]>,
  poll: { timeoutMs: number },
): Promise<Map<string, Partial<Record<Role, ActualPolicy>>>> {
  return pollUntil(
    async () => {
      const got = await readPolicies(t, [...want.keys()]);
      return [...want].every(([id, roles]) => roles.every((r) => got.get(id)?.[r])) ? got : undefined;
    },
    "the groups' PIM policies to become readable",
    poll,
  );
}

async function onboard(
  t: GraphTransport,
  ops: OnboardGroupOp[],
  ledger: Ledger,
  idOf: (k: string) => string,
  poll: { timeoutMs: number },
): Promise<void> {
  if (!ops.length) return;
  let policies: Map<string, Partial<Record<Role, ActualPolicy>>>;
  try {
    policies = await policiesFor(t, new Map(ops.map((op) => [idOf(op.groupKey), ['member' as Role]])), poll);
  } catch (e) {
    for (const op of ops) ledger.settle(op, 'failed', e);
    return;
  }
  // There is no onboarding endpoint: PATCHing a rule to its current value onboards the group (reference §4.1).
  const requests = ops.map((op) => {
    const member = policies.get(idOf(op.groupKey))!.member!;
    const rule = member.rules.Expiration_EndUser_Assignment;
    return { method: 'PATCH' as const, url: paths.rule(member.policyId, rule.id), body: rule, idempotent: true };
  });
  const res = await t.batch(requests);
  // A PATCH that landed but whose answer was lost cannot be repeated as it was (onboarding changes the policy ids,
  // so the retry answers 404): whether the group is onboarded now is what decides.
  const unsure = ops.filter((_, i) => res[i].error);
  const onboarded = unsure.length ? await listOnboardedGroupIds(t).catch(() => new Set<string>()) : new Set<string>();
  ops.forEach((op, i) =>
    ledger.settle(
      op,
      !res[i].error || onboarded.has(idOf(op.groupKey).toLowerCase()) ? 'done' : 'failed',
      res[i].error,
    ),
  );
}

async function updateRules(
  t: GraphTransport,
  ops: UpdatePolicyRuleOp[],
  ledger: Ledger,
  idOf: (k: string) => string,
  poll: { timeoutMs: number },
  stop?: AbortSignal,
): Promise<void> {
  if (!ops.length) return;
  const want = new Map<string, Role[]>();
  for (const op of ops) want.set(idOf(op.groupKey), [...new Set([...(want.get(idOf(op.groupKey)) ?? []), op.role])]);
  let policies: Map<string, Partial<Record<Role, ActualPolicy>>>;
  try {
    policies = await policiesFor(t, want, poll);
  } catch (e) {
    for (const op of ops) ledger.settle(op, 'failed', e);
    return;
  }
  const sendable = ops.filter((op) => {
    const rule = policies.get(idOf(op.groupKey))?.[op.role]?.rules[op.ruleId];
    if (!rule) ledger.settle(op, 'failed', `the ${op.role} policy has no rule ${op.ruleId} in the tenant`);
    return Boolean(rule);
  });
  // One PATCH per policy carrying all its changed rules (what terraform does): policy ids may change after each
  // modification, so several PATCHes against one policy id could race with that.
  const byPolicy = new Map<string, UpdatePolicyRuleOp[]>();
  for (const op of sendable) {
    const policyId = policies.get(idOf(op.groupKey))![op.role]!.policyId;
    byPolicy.set(policyId, [...(byPolicy.get(policyId) ?? []), op]);
  }
  const entries = [...byPolicy];
  const res = await t.batch(
    entries.map(([policyId, list]) => {
      const policy = policies.get(idOf(list[0].groupKey))![list[0].role]!;
      return {
        method: 'PATCH' as const,
        url: paths.policy(policyId),
        body: { rules: list.map((op) => applyChanges(policy.rules[op.ruleId], op.changes)) },
        idempotent: true,
      };
    }),
    { stopSignal: stop },
  );
  entries.forEach(([, list], i) => {
    const r = res[i];
    for (const op of list) {
      if (r.cancelled) ledger.settle(op, 'cancelled', 'not attempted: apply was cancelled');
      else ledger.settle(op, r.error ? 'failed' : 'done', r.error);
    }
  });
}
