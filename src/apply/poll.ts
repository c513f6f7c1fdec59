// Replication delays (a new group not yet visible, a policy not yet readable) are waited out by polling with
// bounded, jittered exponential backoff until a condition holds or a deadline passes; never by a fixed sleep. The
// jitter keeps many parallel runs (or many groups of one run) from probing in lockstep.
import { sleep } from '../graph/retryPolicy';

export interface PollOptions {
  timeoutMs?: number;
  initialMs?: number;
  maxMs?: number;
  signal?: AbortSignal;
  random?: () => number;
}

export async function pollUntil<T>(
  probe: () => Promise<T | undefined>,
  what: string,
  opts: PollOptions = {},
): Promise<T> {
  const deadline = Date.now() + (opts.timeoutMs ?? 120_000);
  const random = opts.random ?? Math.random;
  let cap = opts.initialMs ?? 200;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    const wait = Math.round(cap / 2 + random() * (cap / 2));
    if (Date.now() + wait > deadline)
      throw new Error(
        `Timed out waiting for ${what} (replication in the tenant can take a few minutes; apply again to continue).`,
      );
    await sleep(wait, opts.signal);
    cap = Math.min(cap * 2, opts.maxMs ?? 5_000);
  }
}
