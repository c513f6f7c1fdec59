// Completion answers by prefix, per kind of lookup: an exact prefix asked before is answered from memory, and so
// is a longer prefix when a shorter one came back complete (fewer hits than a page): the service would return a
// subset of what we hold, so "ali" is filtered locally from "al". Keys ignore case, as the directory's startswith
// does. Entries expire (ttlMap.ts). Pure.
import { TtlMap } from './ttlMap';

export interface PrefixPage<H> {
  hits: H[];
  /** Every object matching the prefix is in `hits`. */
  complete: boolean;
}

export class PrefixCache<H> {
  private readonly pages: TtlMap<string, PrefixPage<H>>;

  constructor(
    ttlMs: number,
    /** Whether a hit matches a prefix the way the service's filter would (case-insensitive startswith). */
    private readonly matches: (hit: H, prefix: string) => boolean,
    now?: () => number,
  ) {
    this.pages = new TtlMap(ttlMs, now);
  }

  answer(scope: string, prefix: string): PrefixPage<H> | undefined {
    const p = prefix.toLowerCase();
    const exact = this.pages.get(`${scope}\n${p}`);
    if (exact) return exact;
    for (let n = p.length - 1; n >= 0; n--) {
      const shorter = this.pages.get(`${scope}\n${p.slice(0, n)}`);
      if (shorter?.complete) return { hits: shorter.hits.filter((h) => this.matches(h, prefix)), complete: true };
    }
    return undefined;
  }

  put(scope: string, prefix: string, page: PrefixPage<H>): void {
    this.pages.set(`${scope}\n${prefix.toLowerCase()}`, page);
  }

  clear(): void {
    this.pages.clear();
  }
}
