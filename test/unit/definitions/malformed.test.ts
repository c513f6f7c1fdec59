import * as assert from 'node:assert/strict';
import { DefinitionFile, Finding, loadWorkspace, ParseCache, parseFile } from '../../../src/definitions';
import { EXAMPLES } from './examples.test';
import { GROUP, NOW } from './fixture';

function survive(files: DefinitionFile[], cache?: ParseCache): Finding[] {
  parseFile(files[0], { now: NOW });
  const ws = loadWorkspace(files, { now: NOW, cache });
  for (const f of ws.findings) {
    assert.ok(f.range.start.line >= 0 && f.range.end.line >= f.range.start.line, `bad range in ${JSON.stringify(f)}`);
    assert.ok(f.message.length > 0);
  }
  return ws.findings;
}

/** A small deterministic PRNG (mulberry32), so a failing mutation can be replayed from its seed. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const GARBAGE = ['\t', '{', '[', ']', '}', ':', '- ', '*a', '&a ', '!!binary ', '"', "'", '#', '\u0000', '\uFFFD', '? ', '|', '>', '%YAML 1.1', '---', '...', 'null', '~', '@', '`'];
const VALUES = ['true', 'yes', '1', '-7', '1e400', 'null', '[]', '{}', 'P1Y', 'PT1M', 'P9999999999999999999D', '2026-02-30T00:00:00Z', 'user:', 'c0', '"x"', '[a, b]', '{a: 1}'];

function mutate(text: string, random: () => number): string {
  const lines = text.split('\n');
  const pick = () => Math.floor(random() * lines.length);
  const steps = 1 + Math.floor(random() * 4);
  for (let s = 0; s < steps; s++) {
    const i = pick();
    switch (Math.floor(random() * 8)) {
      case 0: lines.splice(i, 1); break;
      case 1: lines.splice(i, 0, lines[pick()]); break;
      case 2: lines[i] = lines[i].replace(/:\s.*$/, `: ${VALUES[Math.floor(random() * VALUES.length)]}`); break;
      case 3: { const j = pick(); [lines[i], lines[j]] = [lines[j], lines[i]]; break; }
      case 4: lines[i] = '\t' + lines[i]; break;
      case 5: { const at = Math.floor(random() * (lines[i].length + 1)); lines[i] = lines[i].slice(0, at) + GARBAGE[Math.floor(random() * GARBAGE.length)] + lines[i].slice(at); break; }
      case 6: lines[i] = lines[i].replace(/^(\s*)/, (m) => (random() < 0.5 ? m.slice(1) : m + ' ')); break;
      default: { const a = pick(); const b = pick(); const va = lines[a].split(': ')[1]; const vb = lines[b].split(': ')[1];
        if (va !== undefined && vb !== undefined) { lines[a] = lines[a].replace(va, vb); lines[b] = lines[b].replace(vb, va); } }
    }
  }
  return lines.join('\n');
}

describe('definitions: malformed input yields findings, never an exception', () => {
  it('broken YAML', () => {
    assert.ok(survive([{ path: 'a', text: 'apiVersion: pim-groups/v1\nkind: [PimGroup\nmetadata: {' }]).some((f) => f.code === 'PIM001'));
  });

  it('tabs', () => {
    assert.ok(survive([{ path: 'a', text: GROUP.replace(/^  /gm, '\t') }]).some((f) => f.code === 'PIM001'));
  });

  it('duplicate keys', () => {
    assert.ok(survive([{ path: 'a', text: GROUP + 'group:\n  displayName: again\n' }]).some((f) => f.code === 'PIM002'));
  });

  it('an alias bomb', () => {
    const bomb = ['a: &a ["x","x","x","x","x","x","x","x","x"]'];
    for (let i = 0; i < 9; i++) bomb.push(`${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [${Array(9).fill(`*${String.fromCharCode(97 + i)}`).join(',')}]`);
    const findings = survive([{ path: 'bomb.pim.yaml', text: bomb.join('\n') + '\n' }]);
    assert.ok(findings.some((f) => f.code === 'PIM001' && /alias/i.test(f.message)), JSON.stringify(findings));
  });

  it('an undefined alias', () => {
    assert.ok(survive([{ path: 'a', text: 'apiVersion: pim-groups/v1\nkind: *nothing\n' }]).length > 0);
  });

  it('a 5 MB file', function () {
    this.timeout(180_000); // yaml parses about 0.5 MB/s on the shared CI machine
    const doc = GROUP.replace('name: helpdesk', 'name: g-N').replace('PIM-Helpdesk', 'PIM-N');
    const parts: string[] = [];
    let size = 0;
    for (let i = 0; size < 5 * 1024 * 1024; i++) {
      const d = doc.replace(/-N/g, `-${i}`);
      parts.push(d);
      size += d.length + 4;
    }
    const ws = loadWorkspace([{ path: 'big.pim.yaml', text: parts.join('---\n') }], { now: NOW });
    assert.deepEqual(ws.findings, []);
    assert.equal(ws.groups.length, parts.length);
  });

  it('binary garbage', () => {
    const random = prng(42);
    const bytes = Buffer.from(Array.from({ length: 64 * 1024 }, () => Math.floor(random() * 256)));
    survive([{ path: 'a', text: bytes.toString('latin1') }, { path: 'b', text: bytes.toString('utf8') }]);
  });

  it('wrong types everywhere', () => {
    const wrong = GROUP.replace(/: .+$/gm, ': [1, {a: b}]').replace(/^(\s*)(\w+):$/gm, '$1$2: 42');
    assert.ok(survive([{ path: 'a', text: wrong }]).length > 0);
    const typed = GROUP.replace(/^( +\w+): .+$/gm, '$1: 7');
    assert.ok(survive([{ path: 'b', text: typed }]).some((f) => f.code === 'PIM006'));
  });

  it('odd shapes: scalars, lists, nulls, non-string keys, a text that is not a string', () => {
    for (const text of ['', '42', '~', '[]', '- 1', 'null: 1\n1: 2\n[a]: 3\n', 'kind: PimGroup\napiVersion: pim-groups/v1\nmetadata: ~\ngroup: ~\npolicies: ~\nassignments: ~\nbindings: ~\n', '---\n---\n---\n']) {
      survive([{ path: 'a', text }]);
    }
    survive([{ path: 'a', text: undefined as unknown as string }]);
  });

  it('2,400 seeded mutations of the examples', function () {
    this.timeout(600_000); // a few hundred milliseconds per hundred mutations here; generous for a busy CI machine
    const cache = new ParseCache(); // the unmutated examples are parsed once
    let withFindings = 0;
    for (let seed = 1; seed <= 2400; seed++) {
      const random = prng(seed);
      const base = EXAMPLES[seed % EXAMPLES.length];
      const mutated = { path: `mutated/${base.path}`, text: mutate(base.text, random) };
      try {
        if (survive([mutated, ...EXAMPLES.filter((e) => e !== base)], cache).length) withFindings++;
      } catch (e) {
        assert.fail(`seed ${seed} (${base.path}) threw: ${(e as Error).stack}\n--- input ---\n${mutated.text}`);
      }
    }
    assert.ok(withFindings > 1000, `only ${withFindings} mutations produced findings`);
  });
});
