// When to retry and how long to wait. Retry-After wins when the service sends it; otherwise full-jitter exponential
// backoff (spreads retries of many parallel callers). A per-call budget bounds the total wait, so a throttled run
// fails with a clear error instead of hanging.
import { CancelledError } from './errors';

export interface RetryOptions {
  /** Attempts including the first. */
  maxAttempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
  /** Total time one call may spend waiting between attempts. */
  budgetMs: number;
  /** Injected for deterministic tests. */
  random: () => number;
}

export const DEFAULT_RETRY: RetryOptions = {
  maxAttempts: 8,
  baseDelayMs: 400,
  maxDelayMs: 30_000,
  budgetMs: 180_000,
  random: Math.random,
};

export const RETRYABLE_STATUS = new Set([429, 503, 504]);

/** Milliseconds from a Retry-After header (delta-seconds or an HTTP date); undefined when absent or unreadable. */
export function parseRetryAfter(value: string | null | undefined, now = Date.now()): number | undefined {
  if (!value) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/** The wait before attempt `attempt + 1` (attempt counts from 1). */
export function retryDelayMs(attempt: number, retryAfterMs: number | undefined, opts: RetryOptions): number {
  if (retryAfterMs !== undefined) return Math.min(retryAfterMs, opts.maxDelayMs) + Math.floor(opts.random() * 50);
  const cap = Math.min(opts.maxDelayMs, opts.baseDelayMs * 2 ** (attempt - 1));
  return Math.floor(cap / 2 + opts.random() * (cap / 2));
}

export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(new CancelledError());
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(new CancelledError());
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
