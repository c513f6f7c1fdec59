// Spaces calls to a resource with a fixed per-tenant rate. Conditional Access allows 1 request per second per tenant
// for all apps, and its 429s carry no Retry-After (DOC, throttling limits): the transport sends CA requests at most
// once a second, so an apply never meets the limit on its own; a 429 caused by another caller is retried by the
// retry middleware with exponential, jittered backoff (there is no Retry-After to honour).
import { sleep } from './retryPolicy';

export const CONDITIONAL_ACCESS = /^\/(v1\.0|beta)\/identity\/conditionalAccess\//i;

export class IntervalGate {
  private tail: Promise<void> = Promise.resolve();
  constructor(private readonly intervalMs: number) {}

  /**
   * Runs `call` when its turn comes: calls go one at a time, each starting `intervalMs` after the previous one
   * finished (measured from its answer, so the service, which counts when it processed a request, never sees two
   * within the interval, whatever a token refresh or the network delayed).
   */
  run<T>(call: () => Promise<T>): Promise<T> {
    const result = this.tail.then(call);
    this.tail = result
      .then(
        () => undefined,
        () => undefined,
      )
      .then(() => sleep(this.intervalMs));
    return result;
  }
}
