// Waiting for an approver: polls the request (GET assignmentScheduleRequests/{id}) with a growing interval until
// it is no longer pending, the time allowed runs out, or the caller stops waiting (the signal, e.g. Ctrl+C).
// Stopping or timing out leaves the request as it is: still waiting for its approver.
import { graphCalls } from '../graph/api/calls';
import type { GraphTransport } from '../graph/transport';
import { CancelledError } from '../graph/errors';
import { sleep as cancellableSleep } from '../graph/retryPolicy';

export type WaitOutcome =
  /** Approved: active now, or scheduled for its later start. */
  | { outcome: 'approved'; status: string; start?: string }
  | { outcome: 'denied'; status: string; justification?: string }
  /** Nobody decided within the approval window (the service denies it on its own). */
  | { outcome: 'expired'; status: string }
  /** Withdrawn, failed or revoked meanwhile. */
  | { outcome: 'ended'; status: string }
  | { outcome: 'timeout'; status: string };

export interface WaitOptions {
  signal?: AbortSignal;
  /** Stop waiting after this long (the request stays pending). Default: no limit but the signal. */
  timeoutMs?: number;
  /** Called after each look: the status and how long it has waited. */
  onProgress?(status: string, waitedMs: number): void;
  /** First interval; it doubles up to maxIntervalMs. */
  firstIntervalMs?: number;
  maxIntervalMs?: number;
}

const PENDING = /^Pending(Approval|AdminDecision)$/i;

export async function waitForDecision(t: GraphTransport, requestId: string, o: WaitOptions = {}): Promise<WaitOutcome> {
  const started = Date.now();
  let interval = o.firstIntervalMs ?? 2_000;
  for (;;) {
    const r = await graphCalls.assignmentRequestById(t, requestId, { signal: o.signal });
    const waited = Date.now() - started;
    o.onProgress?.(r.status, waited);
    if (!PENDING.test(r.status))
      return settle(t, requestId, r.status, r.scheduleInfo?.startDateTime ?? undefined, o.signal);
    const left = o.timeoutMs === undefined ? Infinity : o.timeoutMs - waited;
    if (left <= 0) return { outcome: 'timeout', status: r.status };
    await sleep(Math.min(interval, left), o.signal);
    interval = Math.min(interval * 2, o.maxIntervalMs ?? 30_000);
  }
}

async function settle(
  t: GraphTransport,
  requestId: string,
  status: string,
  start: string | undefined,
  signal?: AbortSignal,
): Promise<WaitOutcome> {
  if (/^(Provisioned|Granted|ScheduleCreated|PendingProvisioning|PendingScheduleCreation)$/i.test(status))
    return { outcome: 'approved', status, start: start ?? undefined };
  if (!/^Denied$/i.test(status)) return { outcome: 'ended', status };
  // Denied by a person (a stage with reviewResult Deny), or by the clock (no stage was ever reviewed).
  const approval = await graphCalls.approval(t, requestId, { signal }).catch(() => undefined);
  const denial = approval?.stages?.find((s) => /^deny$/i.test(s.reviewResult ?? ''));
  if (approval && !denial) return { outcome: 'expired', status };
  return { outcome: 'denied', status, justification: denial?.justification ?? undefined };
}

/** The transport's cancellable sleep, with a message that says what stopping means here. */
function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return cancellableSleep(ms, signal).catch((e: unknown) => {
    throw e instanceof CancelledError ? cancelled() : e;
  });
}

function cancelled(): Error {
  return new CancelledError('Stopped waiting for the approval; the request is still waiting for its approver.');
}
