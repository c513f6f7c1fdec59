// Performs binding operations after the groups exist, one at a time (a CA policy or a group's licences may be
// touched by several operations, and each is a read-merge-write). Every kind's executor is idempotent under retries:
// it looks before it creates (Intune), treats "already there" as done only when it matches (ARM 409), and treats
// "already gone" as done for removals. Failures name the target (the operation's summary).
import { AmbiguousOutcomeError, GraphRequestError } from '../graph/errors';
import { sleep } from '../graph/retryPolicy';
import type { GraphTransport } from '../graph/transport';
import type { BindingStep } from './model';
import { kindOf } from './registry';

export type Settle<S extends BindingStep> = (op: S, status: 'done' | 'failed' | 'cancelled', detail?: unknown) => void;

export async function applyBindingOps<S extends BindingStep>(
  t: GraphTransport,
  ops: S[],
  groupIdOf: (key: string) => string | undefined,
  settle: Settle<S>,
  stop?: AbortSignal,
): Promise<void> {
  for (const op of ops) {
    if (stop?.aborted) {
      settle(op, 'cancelled', 'not attempted: apply was cancelled');
      continue;
    }
    const gid = groupIdOf(op.groupKey);
    if (!gid) {
      settle(op, 'failed', `${op.summary}: the group does not exist`);
      continue;
    }
    try {
      await performWithRetry(t, op, gid);
      settle(op, 'done');
    } catch (e) {
      settle(op, 'failed', `${op.summary}: ${e instanceof Error ? e.message : String(e)}`);
    }
  }
}

/**
 * Every executor looks before it writes, so after a lost or refused-for-now write (ambiguous outcome, 429, 5xx)
 * running it again is safe: it finds its own earlier effect instead of repeating it.
 */
async function performWithRetry(t: GraphTransport, op: BindingStep, gid: string): Promise<void> {
  const { spec, step } = kindOf(op);
  for (let attempt = 1; ; attempt++) {
    try {
      return await spec.apply(t, step, gid);
    } catch (e) {
      const transient =
        e instanceof AmbiguousOutcomeError ||
        (e instanceof GraphRequestError && (e.status === 429 || (e.status ?? 0) >= 500));
      if (!transient || attempt >= 4) throw e;
      await sleep(200 * attempt);
    }
  }
}
