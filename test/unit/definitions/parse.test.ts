import * as assert from 'node:assert/strict';
import {
  effectivePolicy,
  loadWorkspace,
  ParseCache,
  parseFile,
  PimGroupDefinition,
  RULES,
} from '../../../src/definitions';
import { GROUP, keyRange, NOW, rangeOf, TEMPLATE } from './fixture';
import { edit } from '../fixtureEdit';

describe('definitions: parsing and the public API', () => {
  it('reads every document of a multi-document file, with its index', () => {
    const text = `${TEMPLATE}---\n${GROUP}`;
    const { definitions, findings } = parseFile({ path: 'x.pim.yaml', text }, { now: NOW });
    assert.deepEqual(findings, []);
    assert.deepEqual(
      definitions.map((d) => [d.kind, d.source.index]),
      [
        ['PolicyTemplate', 0],
        ['PimGroup', 1],
      ],
    );
  });

  it('fills the defaults: type security, mode authoritative, role member', () => {
    const g = parseFile({ path: 'x', text: GROUP }).definitions[0] as PimGroupDefinition;
    assert.equal(g.group.type, 'security');
    assert.equal(g.assignments.mode, 'authoritative');
    assert.equal(g.assignments.eligible[0].role, 'member');
  });

  it('gives the range of any node, its key, and falls back to the nearest ancestor', () => {
    const text = `${TEMPLATE}---\n${GROUP}`;
    const g = parseFile({ path: 'x', text }).definitions[1];
    assert.deepEqual(g.source.rangeOf(['assignments', 'eligible', 0, 'duration']), rangeOf(text, 'P90D'));
    assert.deepEqual(g.source.rangeOf(['group', 'displayName'], 'key'), rangeOf(text, 'displayName'));
    assert.deepEqual(g.source.rangeOf(['group', 'id']), keyRange(text, 'group'));
    assert.equal(g.source.range.start.line, rangeOf(text, '---').start.line); // a document starts at its marker
  });

  it('skips empty documents and files of comments', () => {
    assert.deepEqual(parseFile({ path: 'x', text: '# nothing yet\n' }), { definitions: [], findings: [] });
    assert.equal(parseFile({ path: 'x', text: `---\n${GROUP}---\n` }).definitions.length, 1);
  });

  it('parseFile leaves cross-file questions to loadWorkspace', () => {
    const text = edit(GROUP, ['  member:\n', '  member:\n    template: elsewhere\n']);
    assert.deepEqual(parseFile({ path: 'x', text }, { now: NOW }).findings, []);
    assert.deepEqual(
      loadWorkspace([{ path: 'x', text }], { now: NOW }).findings.map((f) => f.code),
      ['PIM052'],
    );
  });

  it('reuses a cached parse while the text is unchanged', () => {
    const cache = new ParseCache();
    const files = [{ path: 'a.pim.yaml', text: GROUP }];
    const first = loadWorkspace(files, { now: NOW, cache });
    const again = loadWorkspace(files, { now: NOW, cache });
    assert.equal(again.groups[0], first.groups[0]);
    const edited = loadWorkspace([{ path: 'a.pim.yaml', text: edit(GROUP, ['P90D', 'P91D']) }], { now: NOW, cache });
    assert.notEqual(edited.groups[0], first.groups[0]);
    assert.equal(edited.groups[0].assignments.eligible[0].duration, 'P91D');
  });

  it('merges a template under the role block field by field', () => {
    const text = edit(GROUP, [
      /  member:\n[\s\S]*?assignments:/,
      '  member:\n    template: standard-8h\n    activation: { maxDuration: PT4H }\n    eligibility: { maxDuration: P90D }\nassignments:',
    ]);
    const ws = loadWorkspace(
      [
        { path: 't', text: TEMPLATE },
        { path: 'g', text },
      ],
      { now: NOW },
    );
    assert.deepEqual(effectivePolicy(ws.groups[0], 'member', ws.templates), {
      activation: { maxDuration: 'PT4H', requireMfa: true, requireJustification: true },
      eligibility: { allowPermanent: false, maxDuration: 'P90D' },
    });
    assert.equal(effectivePolicy(ws.groups[0], 'owner', ws.templates), undefined);
  });

  it('lets null in the block turn off what the template turns on', () => {
    const tpl = edit(TEMPLATE, [
      'requireJustification: true }',
      'requireJustification: true, approval: { approvers: [ user:lead@contoso.com ] } }',
    ]);
    const text = edit(
      GROUP,
      ['  member:\n', '  member:\n    template: standard-8h\n'],
      ['      requireMfa: true\n', '      requireMfa: true\n      approval: null\n'],
    );
    const ws = loadWorkspace(
      [
        { path: 't', text: tpl },
        { path: 'g', text },
      ],
      { now: NOW },
    );
    assert.deepEqual(ws.findings, []);
    assert.equal(effectivePolicy(ws.groups[0], 'member', ws.templates)?.activation?.approval, null);
  });

  it('every rule code is unique, documented and has a severity', () => {
    const codes = RULES.map((r) => r.code);
    assert.equal(new Set(codes).size, codes.length);
    for (const r of RULES) {
      assert.match(r.code, /^PIM\d{3}$/);
      assert.ok(r.title && r.description && ['error', 'warning', 'info'].includes(r.severity));
    }
  });
});
