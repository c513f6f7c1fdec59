// Conditional Access (DOC, throttling limits): 1 request per second per tenant, for all apps and callers together,
// and its 429s carry no Retry-After (clients back off on their own). Real time, like the other throttles.
import { GraphError } from './graphError';

const CA_PATH = /^\/identity\/conditionalAccess\//i;

export class ConditionalAccessLimit {
  private lastMs = -Infinity;
  constructor(
    private readonly perMs = 1000,
    private readonly nowMs: () => number = Date.now,
  ) {}

  /** Throws the 429 when another Conditional Access request came less than a second ago. */
  take(path: string): void {
    if (!CA_PATH.test(path)) return;
    const now = this.nowMs();
    if (now - this.lastMs < this.perMs) {
      throw new GraphError(429, 'TooManyRequests', 'Too many requests.', {
        'x-ms-throttle-scope': 'Tenant/ConditionalAccess',
        'x-ms-throttle-information': 'ResourceUnitLimitExceeded',
      });
    }
    this.lastMs = now;
  }
}
