// Learns how many requests the service lets this caller make per throttling window and spaces batches to fit it.
// Until the first 429 it stays out of the way. On a 429 it takes the window to be the Retry-After it was given and
// the allowance to be what the service accepted from batches sent within that window before refusing (all batches
// in flight, not only the refused one: with 4 in flight and a budget of 175 a second, one batch's share would have
// paced reads at 9 a second); then it sends at most the allowance per window, several batches in flight as before,
// and probes for one more after five clean windows (a failed probe costs a window's wait). Each batch is counted as
// its requests plus its $batch envelope: a service that counts the envelope too (the sandbox does; the real one may)
// would otherwise refuse one request in every window. bench:apply: 1,000 writes at 10 per second land in 1.03 times
// the writes' minimum.
const MAX_BATCH = 20;
/** What a batch costs besides its requests: the $batch envelope. */
const ENVELOPE = 1;
const PROBE_AFTER = 5;

export class BatchPacer {
  paced = false;
  /** Requests per window once paced, envelopes included. */
  allowance = MAX_BATCH + ENVELOPE;
  private intervalMs = 1000;
  private windowStart = -Infinity;
  private spent = 0;
  private resumeAt = 0;
  private lastThrottleAt = 0;
  private cleanWindows = 0;
  private throttledInWindow = false;
  /** Batches answered recently: when they were sent and how many of their requests the service accepted. */
  private recent: { sentAt: number; ok: number }[] = [];

  constructor(private readonly now: () => number = Date.now) {}

  /** How many requests may be sent in a batch now: 0 means wait until `wakeAt()`. Not paced: a full batch. */
  room(): number {
    if (!this.paced) return MAX_BATCH;
    const now = this.now();
    if (now < this.resumeAt) return 0;
    if (now >= this.windowStart + this.intervalMs) this.openWindow(now);
    return Math.max(0, Math.min(MAX_BATCH, this.allowance - this.spent - ENVELOPE));
  }

  /** When `room()` can next be above 0. */
  wakeAt(): number {
    return this.paced ? Math.max(this.resumeAt, this.windowStart + this.intervalMs) : 0;
  }

  /** A batch of `count` requests goes now; returns its send time for `observe`. */
  sent(count: number): number {
    this.spent += count + ENVELOPE;
    return this.now();
  }

  /** A batch's answer: `ok` inner requests accepted, `throttled` refused; `envelope` false when the $batch was refused. */
  observe(sentAt: number, ok: number, throttled: number, retryAfterMs: number | undefined, envelope = true): void {
    const now = this.now();
    const spent = ok + (envelope ? ENVELOPE : 0);
    if (throttled > 0 || !envelope) {
      const windowMs = Math.max(100, retryAfterMs ?? 1000);
      const accepted = spent + this.recent.filter((r) => r.sentAt >= now - windowMs).reduce((n, r) => n + r.ok, 0);
      // A batch refused entirely says only that the window was spent (by its siblings), not how large it is.
      if (ok > 0) this.allowance = Math.min(accepted, this.paced ? this.allowance : accepted);
      this.paced = true;
      this.lastThrottleAt = now;
      this.throttledInWindow = true;
      this.cleanWindows = 0;
      // A small margin past the window, so the next batch does not meet the tail of the last one.
      this.intervalMs = windowMs + 30;
      this.resumeAt = now + this.intervalMs;
      this.windowStart = -Infinity;
      this.recent = [];
      return;
    }
    this.recent.push({ sentAt, ok: spent });
    if (this.recent.length > 64) this.recent.splice(0, this.recent.length - 64);
    if (this.paced && now - this.lastThrottleAt > 20 * this.intervalMs) {
      this.paced = false;
      this.allowance = MAX_BATCH + ENVELOPE;
      this.windowStart = -Infinity;
    }
  }

  private openWindow(now: number): void {
    if (this.windowStart !== -Infinity && !this.throttledInWindow && ++this.cleanWindows >= PROBE_AFTER) {
      this.allowance += 1;
      this.cleanWindows = 0;
    }
    this.windowStart = now;
    this.spent = 0;
    this.throttledInWindow = false;
  }
}
