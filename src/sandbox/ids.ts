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

/** A separate stream for request-ids, so logging does not shift the object ids. */
export class RequestIdStream {
  private n = 0;
  constructor(private readonly seed: string) {}
  next(): string { this.n += 1; return guidFrom(`${this.seed}:request:${this.n}`); }
}

export const GUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
