import * as assert from 'node:assert/strict';
import { loadWorkspace } from '../../../../src/definitions';
import { check, GROUP, NOW, only, rangeOf } from '../fixture';

const SETTINGS = `apiVersion: pim-groups/v1
kind: Settings
metadata:
  description: Guards for production
protectedPrincipals:
  - user:breakglass@contoso.com
  - sp:0d6a4f3e-1b2c-4d5e-8f90-a1b2c3d4e5f6
`;
const load = (...texts: string[]) =>
  loadWorkspace(
    texts.map((text, i) => ({ path: `f${i}.pim.yaml`, text })),
    { now: NOW },
  );

describe('definitions: the Settings document (protected principals)', () => {
  it('is a kind of its own: typed into Workspace.settings, not a group or a template, with no findings', () => {
    const ws = load(GROUP, SETTINGS);
    assert.deepEqual(ws.findings, []);
    assert.equal(ws.groups.length, 1);
    assert.equal(ws.templates.length, 0);
    assert.deepEqual(ws.settings?.protectedPrincipals, [
      'user:breakglass@contoso.com',
      'sp:0d6a4f3e-1b2c-4d5e-8f90-a1b2c3d4e5f6',
    ]);
    assert.equal(ws.settings?.source.file, 'f1.pim.yaml');
    assert.equal(load(GROUP).settings, undefined);
  });

  it('may share a file with groups (a document of its own)', () => {
    const ws = load(`${GROUP}---\n${SETTINGS}`);
    assert.deepEqual(ws.findings, []);
    assert.equal(ws.settings?.source.index, 1);
  });

  it('PIM042: refuses an entry that is not a principal reference, with the fix', () => {
    const text = SETTINGS.replace('user:breakglass@contoso.com', 'breakglass@contoso.com');
    const f = only(check(text), 'PIM042');
    assert.deepEqual(f.range, rangeOf(text, 'breakglass@contoso.com'));
    assert.equal(f.fixes?.[0].edits[0].newText, 'user:breakglass@contoso.com');
  });

  it('PIM053: flags a principal protected twice (compared case-insensitively), on the second entry', () => {
    const text = `${SETTINGS}  - user:BreakGlass@Contoso.com\n`;
    const f = only(check(text), 'PIM053');
    assert.deepEqual(f.range, rangeOf(text, 'user:BreakGlass@Contoso.com'));
    assert.match(f.message, /already a protected principal \(line 6\)/);
  });

  it('PIM054: two Settings documents are an error on each, naming where the other is', () => {
    const ws = load(SETTINGS, GROUP, `# production\n${SETTINGS}`);
    const found = ws.findings.filter((f) => f.code === 'PIM054');
    assert.deepEqual(
      found.map((f) => [f.file, f.range.start.line, f.message]),
      [
        ['f0.pim.yaml', 1, 'A workspace has one Settings document; another is at f2.pim.yaml:3. Merge them into one.'],
        ['f2.pim.yaml', 2, 'A workspace has one Settings document; another is at f0.pim.yaml:2. Merge them into one.'],
      ],
    );
    assert.ok(found.every((f) => f.severity === 'error'));
  });

  it('is checked by the schema: unknown keys (PIM004) and entries of the wrong type (PIM006)', () => {
    const typo = SETTINGS.replace('protectedPrincipals:', 'protectedPrincipal:');
    assert.match(only(check(typo), 'PIM004').message, /protectedPrincipals/);
    const wrong = `${SETTINGS}  - 42\n`;
    only(check(wrong), 'PIM006');
  });

  it('is offered when a kind is misspelt', () => {
    const text = SETTINGS.replace('kind: Settings', 'kind: Setting');
    const f = only(check(text), 'PIM003');
    assert.match(f.message, /did you mean Settings/);
  });
});
