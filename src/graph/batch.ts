// JSON batching ($batch): up to 20 requests per round trip, a few batches in flight. Graph throttles each inner
// request on its own, so inner 429/503/504 are re-queued here (with Retry-After) while their siblings complete.
// Pacers shared by the transport (reads and writes apart, as Graph meters them) learn the caller's allowance from
// 429s and space batches to fit it, which keeps a throttled bulk apply close to the throttle-limited minimum instead
// of hammering the service.
import { AmbiguousOutcomeError, CancelledError, GraphRequestError, isCancelled, parseErrorBody } from './errors';
import { parseRetryAfter, retryDelayMs, sleep } from './retryPolicy';
import type { GraphTransport, GraphVersion } from './transport';
import { CONDITIONAL_ACCESS } from './intervalGate';

export const MAX_BATCH = 20;

export interface BatchRequest {
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  /** Relative to the version root, e.g. '/groups/{id}'. */
  url: string;
  body?: unknown;
  headers?: Record<string, string>;
  /** Indexes of requests in the same call that must succeed first (kept in the same $batch). */
  dependsOn?: number[];
  /** Defaults to true for GET. */
  idempotent?: boolean;
}

export interface BatchResponse<T = unknown> {
  status: number;
  headers: Record<string, string>;
  body: T;
  /** Set for every non-2xx outcome; an AmbiguousOutcomeError when a write may or may not have been applied. */
  error?: GraphRequestError;
  /** Never sent: `stopSignal` fired first. */
  cancelled?: boolean;
}

export interface BatchOptions {
  /** Aborts in-flight requests too (reads). */
  signal?: AbortSignal;
  /** Stops sending new batches but lets in-flight ones finish and reports them (writes: cancellation between steps). */
  stopSignal?: AbortSignal;
  version?: GraphVersion;
  concurrency?: number;
}

interface Pending {
  index: number;
  attempts: number;
  throttles: number;
  waitedMs: number;
  notBefore: number;
}

const MAX_THROTTLES = 60;

function lower(headers: Record<string, string> | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(headers ?? {})) out[k.toLowerCase()] = String(v);
  return out;
}

export async function runBatch<T>(
  t: GraphTransport,
  requests: BatchRequest[],
  opts: BatchOptions,
): Promise<BatchResponse<T>[]> {
  const results: BatchResponse<T>[] = new Array(requests.length);
  const pacer = requests.every((r) => r.method === 'GET') ? t.pacers.read : t.pacers.write;
  const idempotent = (i: number) => requests[i].idempotent ?? requests[i].method === 'GET';
  let queue: Pending[] = requests.map((_, index) => ({ index, attempts: 0, throttles: 0, waitedMs: 0, notBefore: 0 }));
  const inflight = new Set<Promise<void>>();
  const concurrency = opts.concurrency ?? t.batchConcurrency;

  const fail = (p: Pending, error: GraphRequestError, status = error.status ?? 0) => {
    results[p.index] = { status, headers: {}, body: undefined as T, error };
  };
  const requeue = (p: Pending, delayMs: number) => {
    p.waitedMs += delayMs;
    p.notBefore = Date.now() + delayMs;
    queue.push(p);
  };

  /** Takes ready requests (a request travels with the pending requests it depends on), up to the pacer's size.
   *  Called once per batch over a queue of up to thousands: membership is a Set and the index of pending requests
   *  is built only when a request has dependencies, so a large read stays linear. */
  const take = (room: number): Pending[] => {
    const now = Date.now();
    const chosen: Pending[] = [];
    const taken = new Set<Pending>();
    const limit = Math.min(MAX_BATCH, room);
    let pendingIdx: Map<number, Pending> | undefined;
    const isCa = (p: Pending) => CONDITIONAL_ACCESS.test(`/v1.0${requests[p.index].url}`);
    let caTaken = false;
    for (const p of queue) {
      if (chosen.length >= limit) break;
      if (p.notBefore > now || taken.has(p)) continue;
      // One Conditional Access request per batch: the service counts each inner request against its 1/s limit.
      if (caTaken && isCa(p)) continue;
      const dependsOn = requests[p.index].dependsOn ?? [];
      if (dependsOn.length) pendingIdx ??= new Map(queue.map((q) => [q.index, q] as const));
      const deps = dependsOn.map((d) => pendingIdx!.get(d)).filter((d): d is Pending => !!d && !taken.has(d));
      if (chosen.length + deps.length + 1 > limit && chosen.length > 0) continue;
      for (const q of [...deps, p]) {
        chosen.push(q);
        taken.add(q);
        caTaken ||= isCa(q);
      }
    }
    if (chosen.length) queue = queue.filter((p) => !taken.has(p));
    return chosen;
  };

  const send = async (chunk: Pending[], sentAt: number) => {
    const ids = new Set(chunk.map((p) => p.index));
    const body = {
      requests: chunk.map((p) => {
        const r = requests[p.index];
        const deps = (r.dependsOn ?? []).filter((d) => ids.has(d)).map(String);
        return {
          id: String(p.index),
          method: r.method,
          url: r.url,
          ...(r.body !== undefined
            ? { body: r.body, headers: { 'Content-Type': 'application/json', ...r.headers } }
            : r.headers
              ? { headers: r.headers }
              : {}),
          ...(deps.length ? { dependsOn: deps } : {}),
        };
      }),
    };
    const allIdempotent = chunk.every((p) => idempotent(p.index));
    let responses: { id: string; status: number; headers?: Record<string, string>; body?: unknown }[];
    const post = () =>
      t.post<{ responses: typeof responses }>('/$batch', body, {
        signal: opts.signal,
        idempotent: allIdempotent,
        version: opts.version,
        passThrottle: true,
      });
    try {
      // A batch carrying a Conditional Access request takes its turn at the transport's CA gate, so that it and the
      // direct CA calls (writes) keep their second apart.
      const carriesCa = chunk.some((p) => CONDITIONAL_ACCESS.test(`/v1.0${requests[p.index].url}`));
      responses = (await (carriesCa ? t.conditionalAccess.run(post) : post())).responses ?? [];
    } catch (e) {
      if (isCancelled(e) || !(e instanceof GraphRequestError)) throw e;
      if (
        e.status === 429 &&
        !(e instanceof AmbiguousOutcomeError) &&
        chunk.every((p) => p.throttles < MAX_THROTTLES)
      ) {
        // The $batch itself was refused before anything in it ran: all of it goes again when the pacer allows.
        for (const p of chunk) {
          p.throttles++;
          requeue(p, 0);
        }
        pacer.observe(sentAt, 0, chunk.length, e.retryAfterMs, false);
        return;
      }
      for (const p of chunk) {
        if (idempotent(p.index) && ++p.attempts < t.retry.maxAttempts)
          requeue(p, retryDelayMs(p.attempts, undefined, t.retry));
        else
          fail(
            p,
            e instanceof GraphRequestError && !(e instanceof AmbiguousOutcomeError) && idempotent(p.index)
              ? e
              : new AmbiguousOutcomeError({
                  method: requests[p.index].method,
                  path: requests[p.index].url,
                  message: `the $batch carrying it failed: ${(e as Error).message}`,
                }),
          );
      }
      pacer.observe(sentAt, 0, 0, undefined);
      return;
    }
    let ok = 0,
      throttled = 0,
      retryAfterMax: number | undefined;
    const byId = new Map(responses.map((r) => [r.id, r] as const));
    for (const p of chunk) {
      const r = byId.get(String(p.index));
      const req = requests[p.index];
      const headers = lower(r?.headers);
      if (!r) {
        fail(
          p,
          new GraphRequestError({ method: req.method, path: req.url, message: 'missing from the $batch response' }),
        );
        continue;
      }
      if (r.status === 429 && CONDITIONAL_ACCESS.test(`/v1.0${req.url}`)) {
        // A per-resource limit (1/s per tenant, no Retry-After), not this caller's budget: back off this request
        // alone, exponentially, and leave the shared pacer out of it.
        if (++p.throttles <= MAX_THROTTLES && p.waitedMs < t.retry.budgetMs) {
          requeue(p, retryDelayMs(p.throttles, undefined, t.retry));
          continue;
        }
      } else if (r.status === 429) {
        throttled++;
        const after = parseRetryAfter(headers['retry-after']);
        if (after !== undefined) retryAfterMax = Math.max(retryAfterMax ?? 0, after);
        if (++p.throttles <= MAX_THROTTLES && p.waitedMs < t.retry.budgetMs) {
          requeue(p, 0);
          continue;
        }
      } else if ((r.status === 503 || r.status === 504) && idempotent(p.index) && ++p.attempts < t.retry.maxAttempts) {
        requeue(p, retryDelayMs(p.attempts, parseRetryAfter(headers['retry-after']), t.retry));
        continue;
      }
      if (r.status >= 200 && r.status < 300) {
        ok++;
        results[p.index] = { status: r.status, headers, body: r.body as T };
        continue;
      }
      const err = parseErrorBody(r.body);
      const info = {
        method: req.method,
        path: req.url,
        status: r.status,
        code: err.code,
        message: err.message ?? `status ${r.status}`,
        requestId: headers['request-id'] ?? err.requestId,
      };
      fail(
        p,
        !idempotent(p.index) && r.status >= 500 ? new AmbiguousOutcomeError(info) : new GraphRequestError(info),
        r.status,
      );
    }
    if (throttled) t.stats.throttled += throttled;
    pacer.observe(sentAt, ok, throttled, retryAfterMax);
  };

  let fatal: unknown;
  while (queue.length || inflight.size) {
    if (fatal || opts.signal?.aborted) {
      await Promise.allSettled(inflight);
      throw fatal ?? new CancelledError();
    }
    if (opts.stopSignal?.aborted) {
      await Promise.allSettled(inflight);
      for (const p of queue) results[p.index] = { status: 0, headers: {}, body: undefined as T, cancelled: true };
      return results;
    }
    const now = Date.now();
    const hasReady = queue.some((p) => p.notBefore <= now);
    const room = hasReady && inflight.size < concurrency ? pacer.room() : 0;
    if (room > 0) {
      const chunk = take(room);
      const job: Promise<void> = send(chunk, pacer.sent(chunk.length))
        .catch((e) => {
          fatal ??= e;
        })
        .finally(() => inflight.delete(job));
      inflight.add(job);
      continue;
    }
    const paceAt = pacer.wakeAt();
    const wakeAt = Math.min(
      hasReady && paceAt > now ? paceAt : Infinity,
      ...queue.map((p) => (p.notBefore > now ? p.notBefore : Infinity)),
    );
    const waiters: Promise<unknown>[] = [...inflight];
    if (Number.isFinite(wakeAt)) waiters.push(sleep(Math.max(1, wakeAt - now)));
    if (!waiters.length) waiters.push(sleep(5));
    await Promise.race(waiters);
  }
  // The last in-flight batch can fail (cancelled, or a fatal error) after the queue emptied: never return results
  // with holes, which callers would read as answers.
  if (fatal) throw fatal;
  if (opts.signal?.aborted) throw new CancelledError();
  return results;
}

/** GETs in bulk with paging: first pages batched, then every nextLink batched, until all collections are complete. */
export async function batchGetAll<T>(
  t: GraphTransport,
  paths: string[],
  opts: BatchOptions = {},
): Promise<{ value?: T[]; error?: GraphRequestError }[]> {
  const out: { value?: T[]; error?: GraphRequestError }[] = paths.map(() => ({ value: [] as T[] }));
  let pending = paths.map((path, i) => ({ i, path }));
  while (pending.length) {
    const res = await t.batch<{ value?: T[]; '@odata.nextLink'?: string }>(
      pending.map((p) => ({ method: 'GET', url: p.path })),
      opts,
    );
    const next: typeof pending = [];
    res.forEach((r, k) => {
      const { i } = pending[k];
      if (r.error) {
        out[i] = { error: r.error };
        return;
      }
      if (out[i].error) return;
      out[i].value!.push(...(r.body?.value ?? []));
      const link = r.body?.['@odata.nextLink'];
      if (link) next.push({ i, path: t.relativePath(link) });
    });
    pending = next;
  }
  return out;
}
