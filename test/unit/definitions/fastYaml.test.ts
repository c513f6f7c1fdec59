import * as assert from 'node:assert/strict';
import { parseAllDocuments } from 'yaml';
import { readFastYaml } from '../../../src/definitions/fastYaml';
import { fromYamlDocument, SourceNode } from '../../../src/definitions/sourceTree';
import { EXAMPLES } from './examples.test';
import { mutate, prng, seeds } from './mutations';

/** The tree without collection ends (the two parsers may end a block collection at different whitespace). */
function shape(node: SourceNode | null): unknown {
  if (node === null) return null;
  if (node.kind === 'scalar') return node;
  if (node.kind === 'seq') return { kind: 'seq', flow: node.flow, start: node.start, items: node.items.map(shape) };
  return {
    kind: 'map',
    flow: node.flow,
    start: node.start,
    pairs: node.pairs.map((p) => ({ key: p.key, value: shape(p.value) })),
  };
}

/** When the fast reader answers, `yaml` must see no error and the same documents, trees and values. */
function agrees(text: string): boolean {
  const fast = readFastYaml(text);
  if (!fast) return false;
  const full = parseAllDocuments(text, { uniqueKeys: true, logLevel: 'error' });
  const docs = Array.isArray(full) ? full : [];
  for (const d of docs)
    assert.deepEqual(
      [...d.errors, ...d.warnings].map((e) => e.message),
      [],
      `yaml reports problems the fast reader missed in:\n${text}`,
    );
  assert.equal(fast.length, docs.length, `document count differs for:\n${text}`);
  fast.forEach((doc, i) => {
    const reference = fromYamlDocument(docs[i], 100);
    assert.deepEqual(shape(doc.contents), shape(reference.contents), `tree differs in document ${i} of:\n${text}`);
    assert.deepEqual(doc.value(), reference.value(), `value differs in document ${i} of:\n${text}`);
  });
  return true;
}

describe('definitions: the fast YAML reader agrees with the yaml package', () => {
  it('reads every example itself (the fast path is the common path)', () => {
    for (const e of EXAMPLES) assert.ok(agrees(e.text), e.path);
  });

  const cases: [string, string][] = [
    [
      'scalars of every core type',
      "a: 1\nb: -2\nc: 0x1F\nd: 0o17\ne: 1.5\nf: .5e3\ng: .inf\nh: .NaN\ni: true\nj: False\nk: ~\nl: null\nm:\nn: yes\no: \"1\"\np: 'it''s'\nq: 2026-12-01T08:00:00Z\nr: P90D\n",
    ],
    [
      'comments and hashes inside values',
      '# top\na: x#y # comment\nb: "q # not a comment" # c\n\n   # indented comment\nc: user:erin_fabrikam.com#EXT#@contoso.com\n',
    ],
    [
      'flow collections',
      'a: [ x, "y", 1, [z], {k: v} ]\nb: { k: v, n: 1, l: [ 1, 2 ] }\nc: []\nd: {}\ne: [ user:lead@contoso.com, group:Helpdesk Leads ]\n',
    ],
    ['sequences at the same indent as their key', 'a:\n- 1\n- x: 2\n  y: 3\nb: 4\n'],
    [
      'nested sequences of mappings',
      'x:\n  list:\n    - a: 1\n      b:\n        - c\n    -   d: 2\n    -\n      e: 3\n    - \n',
    ],
    ['multiple documents and markers with comments', 'a: 1\n---\n--- # second\nb: 2\n---\n'],
    ['a comment before the first marker', '# head\n---\na: 1\n'],
    ['quoted keys and keys with colons inside', '"a b": 1\n\'c\': 2\nd:e: 3\nurl: http://x\n'],
    ['scalar and flow roots', '42\n'],
    ['empty files and files of comments', '\n'],
    ['a file of comments', '# c\n# d'],
    ['a lone marker', '---'],
    ['an empty document after content', 'a: 1\n---'],
    ['indented root and empty values in sequences', '  a: 1\n  b:\n    - 1\n    -\n'],
    ['spaces before a colon', 'a : 1\n'],
  ];
  for (const [name, text] of cases) {
    it(name, () => assert.ok(agrees(text), 'the fast reader should read this itself'));
  }

  const fallbacks: [string, string][] = [
    ['anchors and aliases', 'a: &x 1\nb: *x\n'],
    ['tags', 'a: !!str 1\n'],
    ['block scalars', 'a: |\n  text\n'],
    ['multi-line plain scalars', 'a: one\n  two\n'],
    ['tabs', 'a:\tb\n'],
    ['CRLF', 'a: 1\r\nb: 2\r\n'],
    ['duplicate keys', 'a: 1\na: 2\n'],
    ['escapes in double quotes', 'a: "x\\ny"\n'],
    ['a nested mapping on one line', 'a: b: c\n'],
    ['bad indentation', 'a:\n    b: 1\n  c: 2\n'],
    ['unclosed flow', 'a: [1, 2\n'],
    ['directives', '%YAML 1.2\n---\na: 1\n'],
  ];
  for (const [name, text] of fallbacks) {
    it(`leaves ${name} to the yaml package`, () => assert.equal(readFastYaml(text), undefined));
  }

  function agreesOnMutations(count: number): void {
    let answered = 0,
      tried = 0;
    for (const seed of seeds(count)) {
      tried++;
      const base = EXAMPLES[seed % EXAMPLES.length];
      if (agrees(mutate(base.text, prng(seed * 7919)))) answered++;
    }
    assert.ok(tried > 0 && answered > tried * 0.1, `the fast reader answered only ${answered} of ${tried} mutations`);
  }

  it('agrees on 150 seeded mutations of the examples, whenever it answers', () => agreesOnMutations(150));

  it('@fuzz agrees on 3,000 seeded mutations of the examples, whenever it answers', function () {
    this.timeout(600_000); // the run stops at its time budget (PIM_FUZZ_MS) well before this
    agreesOnMutations(3000);
  });
});
