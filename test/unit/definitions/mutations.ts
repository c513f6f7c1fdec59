// Seeded mutations of definition files: deleted, duplicated, retyped and swapped lines, tabs and garbage.

/** A small deterministic PRNG (mulberry32, the sandbox's), so a failing mutation can be replayed from its seed. */
import { prng } from '../../../src/sandbox/faults';
export { prng };

const GARBAGE = [
  '\t',
  '{',
  '[',
  ']',
  '}',
  ':',
  '- ',
  '*a',
  '&a ',
  '!!binary ',
  '"',
  "'",
  '#',
  '\u0000',
  '\uFFFD',
  '? ',
  '|',
  '>',
  '%YAML 1.1',
  '---',
  '...',
  'null',
  '~',
  '@',
  '`',
];
const VALUES = [
  'true',
  'yes',
  '1',
  '-7',
  '1e400',
  'null',
  '[]',
  '{}',
  'P1Y',
  'PT1M',
  'P9999999999999999999D',
  '2026-02-30T00:00:00Z',
  'user:',
  'c0',
  '"x"',
  '[a, b]',
  '{a: 1}',
];

export function mutate(text: string, random: () => number): string {
  const lines = text.split('\n');
  const pick = () => Math.floor(random() * lines.length);
  const steps = 1 + Math.floor(random() * 4);
  for (let s = 0; s < steps; s++) {
    const i = pick();
    switch (Math.floor(random() * 8)) {
      case 0:
        lines.splice(i, 1);
        break;
      case 1:
        lines.splice(i, 0, lines[pick()]);
        break;
      case 2:
        lines[i] = lines[i].replace(/:\s.*$/, `: ${VALUES[Math.floor(random() * VALUES.length)]}`);
        break;
      case 3: {
        const j = pick();
        [lines[i], lines[j]] = [lines[j], lines[i]];
        break;
      }
      case 4:
        lines[i] = '\t' + lines[i];
        break;
      case 5: {
        const at = Math.floor(random() * (lines[i].length + 1));
        lines[i] = lines[i].slice(0, at) + GARBAGE[Math.floor(random() * GARBAGE.length)] + lines[i].slice(at);
        break;
      }
      case 6:
        lines[i] = lines[i].replace(/^(\s*)/, (m) => (random() < 0.5 ? m.slice(1) : m + ' '));
        break;
      default: {
        const a = pick();
        const b = pick();
        const va = lines[a].split(': ')[1];
        const vb = lines[b].split(': ')[1];
        if (va !== undefined && vb !== undefined) {
          lines[a] = lines[a].replace(va, vb);
          lines[b] = lines[b].replace(vb, va);
        }
      }
    }
  }
  return lines.join('\n');
}

/**
 * How many seeded mutations a run tries. The unit tier (no test over 10 s) tries a sample; the fuzz tier (tests
 * tagged @fuzz, run by `npm test` after the unit tier) tries the full count within a time budget, PIM_FUZZ_MS
 * (default 4 minutes), so a slow machine does fewer, never a timeout.
 */
export function* seeds(count: number): Generator<number> {
  const deadline = Date.now() + Number(process.env.PIM_FUZZ_MS ?? 240_000);
  for (let seed = 1; seed <= count && Date.now() < deadline; seed++) yield seed;
}
