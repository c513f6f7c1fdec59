// The injection grammar's patterns, run with JavaScript's RegExp (the constructs they use — lookbehind
// alternations, lazy groups — mean the same in Oniguruma). Tokenizing with VS Code's own YAML grammar was checked
// with vscode-textmate from VS Code 1.100.3; see the grammar's comments for what is deliberately left alone.
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { repoRoot } from './repoRoot';

const grammar = JSON.parse(
  readFileSync(path.join(repoRoot(), 'syntaxes/pim-groups.injection.tmLanguage.json'), 'utf8'),
);
const pattern = (name: string) => new RegExp(grammar.repository[name].match, 'g');
const matches = (name: string, line: string) => [...line.matchAll(pattern(name))].map((m) => m[0]);

describe('injection grammar: what it highlights in YAML', () => {
  it('compiles every pattern', () => {
    for (const name of Object.keys(grammar.repository)) assert.doesNotThrow(() => pattern(name), name);
  });

  it('highlights durations that are the whole value', () => {
    assert.deepEqual(matches('duration', '      maxDuration: PT8H'), ['PT8H']);
    assert.deepEqual(matches('duration', '      duration: P90D   # a quarter'), ['P90D']);
    assert.deepEqual(matches('duration', '      maxDuration: P1DT2H30M'), ['P1DT2H30M']);
    assert.deepEqual(matches('duration', "      duration: 'PT1H30M'"), ['PT1H30M']);
    assert.deepEqual(
      matches('duration', '      maxDuration: P1Y'),
      ['P1Y'],
      'refused units are highlighted too; the diagnostics explain',
    );
  });

  it('leaves durations in prose, comments-like text and longer words alone', () => {
    assert.deepEqual(matches('duration', '  description: activate for PT8H at most'), []);
    assert.deepEqual(matches('duration', '  name: P90Dx'), []);
    assert.deepEqual(matches('duration', '  kind: PimGroup'), []);
    assert.deepEqual(matches('duration', '  mode: P'), []);
  });

  it('highlights instants with a zone', () => {
    assert.deepEqual(matches('instant', '      start: 2026-12-01T08:00:00Z'), ['2026-12-01T08:00:00Z']);
    assert.deepEqual(matches('instant', '      until: 2027-03-31T23:59:59.5+10:00'), ['2027-03-31T23:59:59.5+10:00']);
    assert.deepEqual(matches('instant', '      until: 2027-03-31'), [], 'a date without a time is not an instant');
  });

  it('splits principal references into kind and value, to the end of the value', () => {
    const m = pattern('principal').exec('    - principal: user:erin_fabrikam.com#EXT#@contoso.com  # guest')!;
    assert.deepEqual([m[1], m[2], m[3]], ['user', ':', 'erin_fabrikam.com#EXT#@contoso.com']);
    const g = pattern('principal').exec('          - group:Helpdesk Leads')!;
    assert.deepEqual([g[1], g[3]], ['group', 'Helpdesk Leads']);
    const q = pattern('principal').exec('    - principal: "sp:0d6a4f3e-1b2c-4d5e-8f90-a1b2c3d4e5f6"')!;
    assert.deepEqual([q[1], q[3]], ['sp', '0d6a4f3e-1b2c-4d5e-8f90-a1b2c3d4e5f6']);
  });

  it('leaves principal-like words inside prose alone', () => {
    assert.deepEqual(matches('principal', '  description: ask user:alice first'), []);
    assert.deepEqual(matches('principal', '  url: https://superuser:x@host'), []);
  });

  it('highlights GUIDs anywhere, including inside an Azure scope', () => {
    assert.deepEqual(
      matches('guid', '    - scope: /subscriptions/8f2c1b9e-3a4d-4e5f-9a6b-7c8d9e0f1a2b/resourceGroups/rg-payments'),
      ['8f2c1b9e-3a4d-4e5f-9a6b-7c8d9e0f1a2b'],
    );
    assert.deepEqual(matches('guid', '  id: 5f1c7d8e-0000-4000-8000-00000000000'), [], 'one digit short');
  });

  it('stays out of comments and flow collections, where the YAML grammar keeps its own state', () => {
    assert.match(grammar.injectionSelector, /^L:source\.yaml /);
    for (const excluded of ['-comment', '-meta.flow.sequence', '-meta.flow.mapping'])
      assert.ok(grammar.injectionSelector.includes(excluded), excluded);
  });
});
