// Deterministic ids: a GUID is the hash of (seed, counter), so two sandboxes started with the same seed mint the same
// ids in the same order and a test can compare their answers byte for byte. The counter lives in the state.
import { createHash } from 'node:crypto';
import type { SbState } from './types';

export function guidFrom(text: string): string {
  const h = createHash('sha256').update(text).digest('hex');
  // Version-4 layout (fixed version nibble and variant bits) so clients validating GUID shape accept it.
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${((parseInt(h[16], 16) & 3) | 8).toString(16)}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

export function newGuid(state: SbState): string {
  state.idCounter += 1;
  return guidFrom(`${state.seed}:${state.idCounter}`);
}

/** A separate stream for request-ids, so logging does not shift the object ids. A seeded xorshift rather than a
 *  hash: it runs once per request and must stay cheap. */
export class RequestIdStream {
  private s: number[];
  constructor(seed: string) {
    const h = guidFrom(`${seed}:request-ids`).replace(/-/g, '');
    this.s = [0, 8, 16, 24].map((i) => parseInt(h.slice(i, i + 8), 16) | 1);
  }
  next(): string {
    const words = this.s.map(() => this.step());
    const hex = words.map((w) => (w >>> 0).toString(16).padStart(8, '0')).join('');
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${((parseInt(hex[16], 16) & 3) | 8).toString(16)}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
  }
  /** xorshift128 */
  private step(): number {
    const [a, b, c, d] = this.s;
    let t = a ^ (a << 11);
    t ^= t >>> 8;
    const n = (d ^ (d >>> 19) ^ t) >>> 0;
    this.s = [b, c, d, n];
    return n;
  }
}

export const GUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
