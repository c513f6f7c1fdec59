// Completion lookups that wait for a pause in typing and can be cancelled: a request is sent only after `delayMs`
// without a newer keystroke (each keystroke cancels the previous completion request, so its wait ends unsent),
// never twice for the same prefix at once, and not at all when the cache can answer (prefixCache.ts). Pure: the
// fetch and the clock are injected, so the benchmark and the unit tests drive the very same decisions.
import { setTimeout as sleep } from 'node:timers/promises';
import { PrefixCache, PrefixPage } from './prefixCache';

/** How long a lookup's answer is reused (per connection). */
export const LOOKUP_TTL_MS = 60_000;
/** The pause in typing after which a completion lookup is sent (keystrokes come every 100-200 ms). */
export const LOOKUP_DELAY_MS = 300;

export type Fetch<H> = (scope: string, prefix: string, signal: AbortSignal) => Promise<PrefixPage<H>>;

export class DebouncedLookups<H> {
  private readonly inFlight = new Map<string, Promise<PrefixPage<H>>>();
  /** Requests sent (for the benchmark and the log). */
  sent = 0;

  constructor(
    private readonly cache: PrefixCache<H>,
    private readonly fetch: Fetch<H>,
    private readonly delayMs: number,
    private readonly wait: (ms: number, signal: AbortSignal) => Promise<unknown> = (ms, signal) =>
      sleep(ms, undefined, { signal }),
  ) {}

  /** The hits for `prefix`, or undefined when cancelled before an answer (the editor then asks again). */
  async lookup(scope: string, prefix: string, signal: AbortSignal): Promise<PrefixPage<H> | undefined> {
    const cached = this.cache.answer(scope, prefix);
    if (cached) return cached;
    const key = `${scope}\n${prefix.toLowerCase()}`;
    let pending = this.inFlight.get(key);
    if (!pending) {
      try {
        await this.wait(this.delayMs, signal);
      } catch {
        return undefined; // a newer keystroke cancelled this request during the pause: nothing was sent
      }
      if (signal.aborted) return undefined;
      pending = this.inFlight.get(key) ?? this.send(scope, prefix, key);
    }
    try {
      return await abortable(pending, signal);
    } catch (e) {
      if (signal.aborted) return undefined;
      throw e;
    }
  }

  private send(scope: string, prefix: string, key: string): Promise<PrefixPage<H>> {
    this.sent++;
    // The request itself is not tied to one caller's signal: a cancelled caller leaves it to finish and fill the
    // cache, so the next keystroke's request finds the answer instead of sending again.
    const p = this.fetch(scope, prefix, new AbortController().signal).then((page) => {
      this.cache.put(scope, prefix, page);
      return page;
    });
    this.inFlight.set(key, p);
    const done = () => this.inFlight.delete(key);
    p.then(done, done);
    return p;
  }
}

/** Resolves or rejects with `p`, or rejects as soon as `signal` aborts. */
function abortable<T>(p: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    p.then(
      (v) => {
        signal.removeEventListener('abort', onAbort);
        resolve(v);
      },
      (e) => {
        signal.removeEventListener('abort', onAbort);
        reject(e);
      },
    );
  });
}
