import * as assert from 'node:assert/strict';
import { DefinitionFile, Finding, loadWorkspace, ParseCache, parseFile } from '../../../src/definitions';
import { EXAMPLES } from './examples.test';
import { GROUP, NOW } from './fixture';
import { mutate, prng, seeds } from './mutations';
import { MAX_FILE_BYTES } from '../../../src/definitions/parseDocuments';
import { edit } from '../fixtureEdit';

function survive(files: DefinitionFile[], cache?: ParseCache): Finding[] {
  parseFile(files[0], { now: NOW });
  const ws = loadWorkspace(files, { now: NOW, cache });
  for (const f of ws.findings) {
    assert.ok(f.range.start.line >= 0 && f.range.end.line >= f.range.start.line, `bad range in ${JSON.stringify(f)}`);
    assert.ok(f.message.length > 0);
  }
  return ws.findings;
}

describe('definitions: malformed input yields findings, never an exception', () => {
  it('broken YAML', () => {
    assert.ok(
      survive([{ path: 'a', text: 'apiVersion: pim-groups/v1\nkind: [PimGroup\nmetadata: {' }]).some(
        (f) => f.code === 'PIM001',
      ),
    );
  });

  it('tabs', () => {
    assert.ok(survive([{ path: 'a', text: edit(GROUP, [/^  /gm, '\t']) }]).some((f) => f.code === 'PIM001'));
  });

  it('duplicate keys', () => {
    assert.ok(
      survive([{ path: 'a', text: GROUP + 'group:\n  displayName: again\n' }]).some((f) => f.code === 'PIM002'),
    );
  });

  it('an alias bomb', () => {
    const bomb = ['a: &a ["x","x","x","x","x","x","x","x","x"]'];
    for (let i = 0; i < 9; i++)
      bomb.push(
        `${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [${Array(9)
          .fill(`*${String.fromCharCode(97 + i)}`)
          .join(',')}]`,
      );
    const findings = survive([{ path: 'bomb.pim.yaml', text: bomb.join('\n') + '\n' }]);
    assert.ok(
      findings.some((f) => f.code === 'PIM001' && /alias/i.test(f.message)),
      JSON.stringify(findings),
    );
  });

  it('an undefined alias', () => {
    assert.ok(survive([{ path: 'a', text: 'apiVersion: pim-groups/v1\nkind: *nothing\n' }]).length > 0);
  });

  it('@fuzz a file just under the 2 MB limit', function () {
    this.timeout(180_000); // yaml parses about 0.5 MB/s on the shared CI machine
    const doc = edit(GROUP, ['name: helpdesk', 'name: g-N'], ['PIM-Helpdesk', 'PIM-N']);
    const parts: string[] = [];
    let size = 0;
    for (let i = 0; size < MAX_FILE_BYTES - 64 * 1024; i++) {
      const d = doc.replace(/-N/g, `-${i}`);
      parts.push(d);
      size += d.length + 4;
    }
    const ws = loadWorkspace([{ path: 'big.pim.yaml', text: parts.join('---\n') }], { now: NOW });
    assert.deepEqual(ws.findings, []);
    assert.equal(ws.groups.length, parts.length);
  });

  it('@fuzz deep nesting and huge mappings', function () {
    this.timeout(120_000);
    const deep = survive([{ path: 'a', text: `a: ${'['.repeat(20000)}${']'.repeat(20000)}\n` }]);
    assert.ok(
      deep.some((f) => f.code === 'PIM001' && /nested too deeply/.test(f.message)),
      JSON.stringify(deep),
    );
    const keys = Array.from({ length: 20000 }, (_, i) => `k${i}: ${i}`).join('\n');
    const wide = survive([
      {
        path: 'b',
        text: `apiVersion: pim-groups/v1\nkind: PimGroup\nmetadata:\n  name: x\ngroup:\n  displayName: y\n${keys}\n`,
      },
    ]);
    assert.equal(wide.filter((f) => f.code === 'PIM004').length, 20000);
  });

  it('binary garbage', () => {
    const random = prng(42);
    const bytes = Buffer.from(Array.from({ length: 64 * 1024 }, () => Math.floor(random() * 256)));
    survive([
      { path: 'a', text: bytes.toString('latin1') },
      { path: 'b', text: bytes.toString('utf8') },
    ]);
  });

  it('wrong types everywhere', () => {
    const wrong = edit(GROUP, [/: .+$/gm, ': [1, {a: b}]'], [/^(\s*)(\w+):$/gm, '$1$2: 42']);
    assert.ok(survive([{ path: 'a', text: wrong }]).length > 0);
    const typed = edit(GROUP, [/^( +\w+): .+$/gm, '$1: 7']);
    assert.ok(survive([{ path: 'b', text: typed }]).some((f) => f.code === 'PIM006'));
  });

  it('odd shapes: scalars, lists, nulls, non-string keys, a text that is not a string', () => {
    for (const text of [
      '',
      '42',
      '~',
      '[]',
      '- 1',
      'null: 1\n1: 2\n[a]: 3\n',
      'kind: PimGroup\napiVersion: pim-groups/v1\nmetadata: ~\ngroup: ~\npolicies: ~\nassignments: ~\nbindings: ~\n',
      '---\n---\n---\n',
    ]) {
      survive([{ path: 'a', text }]);
    }
    survive([{ path: 'a', text: undefined as unknown as string }]);
  });

  /** Most mutations of a valid file are findings; a run that found few of them mutated nothing that matters. */
  function mutations(count: number): void {
    const cache = new ParseCache(); // the unmutated examples are parsed once
    let withFindings = 0,
      tried = 0;
    for (const seed of seeds(count)) {
      tried++;
      const random = prng(seed);
      const base = EXAMPLES[seed % EXAMPLES.length];
      const mutated = { path: `mutated/${base.path}`, text: mutate(base.text, random) };
      try {
        if (survive([mutated, ...EXAMPLES.filter((e) => e !== base)], cache).length) withFindings++;
      } catch (e) {
        assert.fail(`seed ${seed} (${base.path}) threw: ${(e as Error).stack}\n--- input ---\n${mutated.text}`);
      }
    }
    assert.ok(tried > 0 && withFindings > tried * 0.4, `only ${withFindings} of ${tried} mutations produced findings`);
  }

  it('40 seeded mutations of the examples', () => mutations(40));

  it('@fuzz 2,400 seeded mutations of the examples', function () {
    this.timeout(600_000); // the run stops at its time budget (PIM_FUZZ_MS) well before this
    mutations(2400);
  });
});
