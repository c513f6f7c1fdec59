// Assignment requests, sent in batches, never twice: when a send's outcome is unknown (dropped connection, 5xx),
// the schedules are re-read and only requests whose effect is not in the tenant are sent again. A
// RoleAssignmentExists answer counts as success only when the existing schedule matches what the plan wants.
import { AmbiguousOutcomeError, GraphRequestError } from '../graph/errors';
import type { ActualSchedule } from '../tenant/actualState';
import type { GraphTransport } from '../graph/transport';
import type { GraphScheduleRequest } from '../graph/types';
import type { AssignmentOp } from '../plan/model';
import { satisfies } from '../plan/schedules';
import type { Ledger } from './outcomes';
import { scheduleRequest } from './requests';
import { readSchedulesFor } from './tenantReads';
import { sleep } from '../graph/retryPolicy';

const MAX_ROUNDS = 6;

/** True when the tenant already shows the effect of `op`. */
export function landed(op: AssignmentOp, schedules: ActualSchedule[], now: number): boolean {
  const same = schedules.filter(
    (s) => s.kind === op.assignmentKind && s.role === op.role && s.principalId === op.principal.id,
  );
  if (op.kind === 'removeAssignment') return !same.some((s) => s.id === op.scheduleId);
  return same.some((s) => satisfies(op.schedule, s, now));
}

/** How long a group or principal that PIM does not know yet (SubjectNotFound: replication after creation) is waited for. */
const REPLICATION_MS = 120_000;

export async function runAssignmentOps(
  t: GraphTransport,
  ops: AssignmentOp[],
  groupIdOf: (key: string) => string,
  ledger: Ledger,
  stop?: AbortSignal,
  now = () => new Date(),
): Promise<void> {
  let pending = ops;
  const replicated = Date.now() + REPLICATION_MS;
  let lagCap = 500;
  // The last answer per operation, so giving up says what the service said (not a generic line).
  const lastError = new Map<AssignmentOp, GraphRequestError>();
  for (let round = 0; pending.length && round < MAX_ROUNDS;) {
    const sent = pending;
    const res = await t.batch<GraphScheduleRequest>(
      sent.map((op) => scheduleRequest(op, groupIdOf(op.groupKey), now())),
      { stopSignal: stop },
    );
    const check: { op: AssignmentOp; error: GraphRequestError }[] = [];
    const lagging: AssignmentOp[] = [];
    sent.forEach((op, i) => {
      const r = res[i];
      if (r.cancelled) return ledger.settle(op, 'cancelled', 'not attempted: apply was cancelled');
      // Nothing was written: PIM does not know the new group or principal yet. Sent again after a backoff.
      if (r.error?.code === 'SubjectNotFound' && Date.now() < replicated) return void lagging.push(op);
      if (!r.error) {
        return r.body?.status === 'Failed'
          ? ledger.settle(op, 'failed', `the service answered status Failed for ${op.summary}`)
          : ledger.settle(op, 'done');
      }
      const code = r.error.code;
      const needsLook =
        r.error instanceof AmbiguousOutcomeError ||
        (code === 'RoleAssignmentExists' && op.kind === 'addAssignment') ||
        ((code === 'RoleAssignmentDoesNotExist' || r.status === 404) && op.kind === 'removeAssignment');
      if (needsLook) check.push({ op, error: r.error });
      else ledger.settle(op, 'failed', r.error);
    });
    pending = [...lagging];
    if (lagging.length && !check.length) {
      try {
        await sleep(Math.round(lagCap / 2 + Math.random() * (lagCap / 2)), stop);
      } catch {
        for (const op of lagging) ledger.settle(op, 'cancelled', 'not attempted: apply was cancelled');
        return;
      }
      lagCap = Math.min(lagCap * 2, 8_000);
      continue;
    }
    round++;
    if (!check.length) return;
    const schedules = await readSchedulesFor(
      t,
      check.map((c) => c.op),
      groupIdOf,
    );
    for (const { op, error } of check) {
      if (landed(op, schedules.get(groupIdOf(op.groupKey)) ?? [], now().getTime())) ledger.settle(op, 'done');
      else if (error instanceof AmbiguousOutcomeError) {
        lastError.set(op, error);
        pending.push(op); // it did not land: sending again cannot duplicate it
      } else
        ledger.settle(
          op,
          'failed',
          op.kind === 'addAssignment'
            ? `${error.message} — an assignment exists but differs from the plan; plan again to update it`
            : error,
        );
    }
  }
  for (const op of pending) ledger.settle(op, 'failed', gaveUp(lastError.get(op)));
}

/** The give-up message keeps the service's last answer (already redacted by GraphRequestError). */
function gaveUp(last: GraphRequestError | undefined): string {
  const tail = 'apply again to continue';
  if (!last) return `gave up after ${MAX_ROUNDS} attempts; ${tail}`;
  return `gave up after ${MAX_ROUNDS} attempts without a definite answer; the last was ${last.message}; ${tail}`;
}
