// Learns how many requests the service lets this caller make per Retry-After window, from the batches it throttled,
// and spaces batches to that allowance (probing one more each clean batch). Without 429s it stays out of the way.
export class BatchPacer {
  paced = false;
  size = 20;
  nextSendAt = 0;
  private intervalMs = 1000;
  private lastSentAt = 0;
  private lastThrottleAt = 0;

  sent(): void {
    this.lastSentAt = Date.now();
    if (this.paced) this.nextSendAt = this.lastSentAt + this.intervalMs;
  }

  observe(ok: number, throttled: number, retryAfterMs: number | undefined): void {
    const now = Date.now();
    if (throttled > 0) {
      this.paced = true;
      this.lastThrottleAt = now;
      this.size = Math.max(1, ok);
      // A small margin past the window, so the next batch does not meet the tail of the last one.
      this.intervalMs = Math.max(100, retryAfterMs ?? 1000) + 30;
      this.nextSendAt = now + this.intervalMs;
      return;
    }
    if (!this.paced) return;
    if (ok > 0) this.size = Math.min(20, this.size + 1);
    if (now - this.lastThrottleAt > 20 * this.intervalMs) {
      this.paced = false;
      this.size = 20;
      this.nextSendAt = 0;
    }
  }
}
