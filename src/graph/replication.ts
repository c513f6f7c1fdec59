// Writes the directory refuses while a new object replicates (DOC group-update: adding members or owners to a new
// group can answer 400 "The source resource object or one of the objects being referenced do not exist."): sent
// again after a bounded, jittered backoff; nothing was written, so a repeat cannot duplicate anything.
import { GraphRequestError } from './errors';
import { sleep } from './retryPolicy';

export function isReplicationLag(e: unknown): boolean {
  return (
    e instanceof GraphRequestError &&
    ((e.status === 400 && /referenced do not exist/i.test(e.message)) || e.code === 'SubjectNotFound')
  );
}

export async function retryWhileReplicating<T>(
  call: () => Promise<T>,
  opts: { timeoutMs?: number; signal?: AbortSignal } = {},
): Promise<T> {
  const deadline = Date.now() + (opts.timeoutMs ?? 120_000);
  for (let cap = 500; ; cap = Math.min(cap * 2, 8_000)) {
    try {
      return await call();
    } catch (e) {
      const wait = Math.round(cap / 2 + Math.random() * (cap / 2));
      if (!isReplicationLag(e) || Date.now() + wait > deadline) throw e;
      await sleep(wait, opts.signal);
    }
  }
}
