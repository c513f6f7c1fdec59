// The seeds a sandbox can start from (docs/sandbox.md): their names and how each is built.
import { demoSeed } from './demo';
import { emptySeed } from './empty';
import { noP2Seed } from './noP2';
import type { SbState } from '../types';

export const SEED_NAMES = ['demo', 'empty', 'no-p2'] as const;
export type SeedName = (typeof SEED_NAMES)[number];

export const isSeedName = (v: unknown): v is SeedName => (SEED_NAMES as readonly unknown[]).includes(v);

export function seedState(seed: SeedName, now: Date): SbState {
  return seed === 'empty' ? emptySeed() : seed === 'no-p2' ? noP2Seed(now) : demoSeed(now);
}
