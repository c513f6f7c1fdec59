// Learns how many requests the service lets this caller make per Retry-After window, from the batches it throttled,
// and spaces batches to that allowance. Without 429s it stays out of the way. Two details keep a throttled bulk
// write near its minimum (bench:apply: 1,000 writes at 10 per second): a batch throttled entirely (its window was
// spent by a sibling sent at the same time) says nothing about the allowance, so it does not shrink it; and the pacer
// probes for one more only after several clean batches, since each probe that fails costs a window's wait.
const PROBE_AFTER = 5;

export class BatchPacer {
  paced = false;
  size = 20;
  nextSendAt = 0;
  private intervalMs = 1000;
  private lastSentAt = 0;
  private lastThrottleAt = 0;
  private clean = 0;

  sent(): void {
    this.lastSentAt = Date.now();
    if (this.paced) this.nextSendAt = this.lastSentAt + this.intervalMs;
  }

  observe(ok: number, throttled: number, retryAfterMs: number | undefined): void {
    const now = Date.now();
    if (throttled > 0) {
      this.paced = true;
      this.lastThrottleAt = now;
      this.clean = 0;
      if (ok > 0) this.size = ok;
      // A small margin past the window, so the next batch does not meet the tail of the last one.
      this.intervalMs = Math.max(100, retryAfterMs ?? 1000) + 30;
      this.nextSendAt = now + this.intervalMs;
      return;
    }
    if (!this.paced) return;
    if (ok > 0 && ++this.clean >= PROBE_AFTER) {
      this.size = Math.min(20, this.size + 1);
      this.clean = 0;
    }
    if (now - this.lastThrottleAt > 20 * this.intervalMs) {
      this.paced = false;
      this.size = 20;
      this.nextSendAt = 0;
    }
  }
}
