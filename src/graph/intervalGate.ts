// Spaces calls to a resource with a fixed per-tenant rate. Conditional Access allows 1 request per second per tenant
// for all apps, and its 429s carry no Retry-After (DOC, throttling limits): the transport sends CA requests at most
// once a second, so an apply never meets the limit on its own; a 429 caused by another caller is retried by the
// retry middleware with exponential, jittered backoff (there is no Retry-After to honour).
import { sleep } from './retryPolicy';

export const CONDITIONAL_ACCESS = /^\/(v1\.0|beta)\/identity\/conditionalAccess\//i;

export class IntervalGate {
  private nextAt = 0;
  constructor(private readonly intervalMs: number) {}

  /** Resolves when this call may go; reserves its slot first, so concurrent callers queue one interval apart. */
  async wait(signal?: AbortSignal): Promise<void> {
    const now = Date.now();
    const at = Math.max(now, this.nextAt);
    this.nextAt = at + this.intervalMs;
    if (at > now) await sleep(at - now, signal);
  }
}
