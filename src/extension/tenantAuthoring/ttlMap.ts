// A map whose entries expire `ttlMs` after they were set: tenant lookups are reused for a short while (typing,
// hovering, re-checking) but a renamed user or a new role shows up within a minute. Pure; the clock is injected.
export class TtlMap<K, V> {
  private readonly entries = new Map<K, { value: V; at: number }>();

  constructor(
    private readonly ttlMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  get(key: K): V | undefined {
    const e = this.entries.get(key);
    if (!e) return undefined;
    if (this.now() - e.at >= this.ttlMs) {
      this.entries.delete(key);
      return undefined;
    }
    return e.value;
  }

  set(key: K, value: V): void {
    this.entries.set(key, { value, at: this.now() });
  }

  /** Live entries (expired ones are dropped on the way). */
  *values(): IterableIterator<[K, V]> {
    for (const key of [...this.entries.keys()]) {
      const v = this.get(key);
      if (v !== undefined) yield [key, v];
    }
  }

  clear(): void {
    this.entries.clear();
  }
}
