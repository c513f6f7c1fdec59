// Hostile definition files: prototype keys, control characters, huge scalars and huge files.
import * as assert from 'node:assert/strict';
import { loadWorkspace, parseFile } from '../../../src/definitions';
import { readFastYaml } from '../../../src/definitions/fastYaml';
import { MAX_FILE_BYTES } from '../../../src/definitions/parseDocuments';
import { check, codes, GROUP, none, NOW, only, rangeOf } from './fixture';

/** GROUP with `from` replaced by `to`; fails when `from` is not in it (so no test passes on an unchanged text). */
function edited(from: string, to: string, text = GROUP): string {
  assert.ok(text.includes(from), `'${from}' is not in the fixture`);
  return text.replace(from, to);
}

describe('definitions: reserved keys (PIM008)', () => {
  // Before: the fast reader made a quoted "__proto__" the prototype of `policies`, whose fields then drove the plan
  // with 0 findings, while the same text with CRLF line ends gave 2 findings.
  const hostile = edited(
    'policies:\n  member:\n',
    'policies:\n  "__proto__":\n    member:\n      activation: { maxDuration: PT24H, requireMfa: false }\n  member:\n',
  );

  it('reports a quoted __proto__ key at the key, and the same for LF and CRLF', () => {
    const lf = check(hostile);
    const crlf = check(hostile.replace(/\n/g, '\r\n'));
    assert.deepEqual(codes(lf), ['PIM008']);
    assert.deepEqual(codes(crlf), ['PIM008']);
    assert.deepEqual(only(lf, 'PIM008').range, rangeOf(hostile, '"__proto__"'));
    assert.equal(only(crlf, 'PIM008').range.start.line, only(lf, 'PIM008').range.start.line);
  });

  it('gives the document no definition, so nothing hidden behind the key reaches a plan', () => {
    assert.deepEqual(loadWorkspace([{ path: 'a.pim.yaml', text: hostile }], { now: NOW }).groups, []);
  });

  it('reports plain, single-quoted and flow constructor / prototype keys too', () => {
    for (const [from, to] of [
      ['useCase: custom', 'constructor: x'],
      ['useCase: custom', "'prototype': x"],
      ['  displayName: PIM-Helpdesk', '  displayName: PIM-Helpdesk\n  extra: { __proto__: 1 }'],
    ]) {
      assert.ok(codes(check(edited(from, to))).includes('PIM008'), to);
    }
  });

  it('never gives a value a foreign prototype in the fast reader', () => {
    const docs = readFastYaml('a:\n  "__proto__": { polluted: 1 }\n');
    const value = docs?.[0].value() as { a: object } | undefined;
    if (value) assert.equal(Object.getPrototypeOf(value.a), Object.prototype);
    assert.equal(({} as Record<string, unknown>).polluted, undefined);
  });
});

describe('definitions: control characters (PIM009)', () => {
  const cases: [string, string, string][] = [
    ['ESC in a display name', '  displayName: PIM-Helpdesk', '  displayName: "PIM-Helpdesk\\e[2K"'],
    ['BEL in a justification', 'justification: Leads stay active for the quarter', 'justification: "Leads\\a stay"'],
    ['NUL in a name', 'name: helpdesk', 'name: "help\\0desk"'],
    [
      'a line break in metadata.name (a workflow command in CI)',
      'name: helpdesk',
      'name: "helpdesk\\n::error file=x::owned"',
    ],
    ['CR in a justification', 'justification: Leads stay active for the quarter', 'justification: "Leads\\rstay"'],
    [
      'a bidirectional override in a principal',
      'principal: user:alice@contoso.com',
      'principal: "user:alice\u202e@contoso.com"',
    ],
  ];
  for (const [title, from, to] of cases) {
    it(`reports ${title} at the value`, () => {
      const text = edited(from, to);
      const f = only(check(text), 'PIM009');
      assert.equal(f.range.start.line, rangeOf(text, to.trim().split(': ')[1]).start.line);
      assert.match(f.message, /control character/);
    });
  }

  it('allows line breaks in a justification (a block scalar)', () => {
    none(
      check(
        edited(
          'justification: Leads stay active for the quarter',
          'justification: |\n        Leads stay active\n        for the quarter',
        ),
      ),
      'PIM009',
    );
  });
});

describe('definitions: size limits', () => {
  it('reads a long quoted scalar in linear time and memory (the reader appended one character at a time)', () => {
    const value = 'x'.repeat(1_500_000);
    const text = edited('justification: Leads stay active for the quarter', `justification: '${value}'`);
    const before = process.memoryUsage().heapUsed;
    const docs = readFastYaml(text);
    const grown = process.memoryUsage().heapUsed - before;
    assert.ok(docs, 'the fast reader reads it');
    const v = docs[0].value() as { assignments: { active: { justification: string }[] } };
    assert.equal(v.assignments.active[0].justification.length, value.length);
    // A rope of 1.5 M one-character appends holds tens of bytes per character; slices hold about one copy.
    assert.ok(grown < 40 * value.length, `heap grew by ${grown} bytes`);
  });

  it('refuses a file over the limit with one clear PIM001 at its first line', () => {
    const text = GROUP + `# ${'x'.repeat(MAX_FILE_BYTES)}\n`;
    const { findings, definitions } = parseFile({ path: 'big.pim.yaml', text }, { now: NOW });
    assert.deepEqual(definitions, []);
    assert.deepEqual(codes(findings), ['PIM001']);
    assert.match(findings[0].message, /limited to 2\.0 MB/);
    assert.equal(findings[0].range.start.line, 0);
  });
});

describe('definitions: end dates Graph cannot store', () => {
  // Before: P99999999D passed validation and plan; apply then failed six times with 500s.
  it('refuses a duration no schedule can last (PIM010) and an instant after 9999-12-31 (PIM020)', () => {
    assert.ok(codes(check(edited('duration: P90D', 'duration: P99999999D'))).includes('PIM010'));
    assert.ok(codes(check(edited('duration: P90D', 'until: 9999-12-31T23:00:00-05:00'))).includes('PIM020'));
    none(check(edited('duration: P90D', 'until: 9999-12-31T23:59:59Z')), 'PIM020');
  });
});
