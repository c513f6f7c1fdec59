// Eventual consistency, opt-in (off by default so the demo stays instant). A real directory replicates a write to
// its replicas over seconds: a new group is missing from `$filter` lists and unknown to PIM for a while, and a new
// schedule can answer 404 by id right after the 201 that created it (reference "Eventual consistency"). Each new
// object gets a seeded lag between half and all of `lagMs`, measured in real time (the sandbox clock may be frozen).
import { prng } from './faults';

export class Replication {
  private readonly readyAt = new Map<string, number>();
  private readonly next: () => number;

  constructor(
    readonly lagMs = 0,
    seed = 1,
    private readonly nowMs: () => number = Date.now,
  ) {
    this.next = prng(seed);
  }

  /** A new object: hidden from the lagging views until its replicas catch up. */
  created(id: string): void {
    if (this.lagMs <= 0) return;
    this.readyAt.set(id.toLowerCase(), this.nowMs() + Math.round(this.lagMs * (0.5 + this.next() / 2)));
  }

  /** True while `id` has not replicated yet. */
  lagging(id: string): boolean {
    if (!this.readyAt.size) return false;
    const key = id.toLowerCase();
    const at = this.readyAt.get(key);
    if (at === undefined) return false;
    if (at > this.nowMs()) return true;
    this.readyAt.delete(key);
    return false;
  }
}
