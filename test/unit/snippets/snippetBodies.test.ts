// Every snippet is a definition a user can keep: with its placeholders at their defaults, or with any choice it
// offers, it validates with zero findings; the New Definition command's files validate too.
import * as assert from 'node:assert/strict';
import { loadWorkspace } from '../../../src/definitions';
import { DefinitionFile, Workspace } from '../../../src/definitions/model';
import { expandSnippet, parseSnippet } from '../../../src/extension/definitions/snippetExpansion';
import {
  USE_CASE_TEMPLATES,
  definitionText,
  displayNameFor,
  snippetBody,
} from '../../../src/extension/definitions/useCaseCatalog';
import snippets from '../../../snippets/pim-yaml.json';

const NOW = new Date('2026-11-26T09:00:00Z');
const entries = Object.entries(snippets) as [string, { prefix: string; description: string; body: string[] }][];

function load(...files: DefinitionFile[]): Workspace {
  return loadWorkspace(files, { now: NOW });
}

function describeFindings(ws: Workspace): string {
  return ws.findings.map((f) => `${f.file}:${f.range.start.line + 1} ${f.severity} ${f.code} ${f.message}`).join('\n');
}

/** Every choice a snippet offers: [tab stop, option]. */
function choices(body: readonly string[]): [number, string][] {
  const found: [number, string][] = [];
  const walk = (nodes: ReturnType<typeof parseSnippet>) => {
    for (const n of nodes) {
      if (n.kind === 'choice') for (const o of n.options) found.push([n.index, o]);
      if ((n.kind === 'tabstop' || n.kind === 'variable') && n.children) walk(n.children);
    }
  };
  walk(parseSnippet(body));
  return found;
}

describe('snippets: bodies validate', () => {
  for (const [name, snippet] of entries) {
    it(`"${snippet.prefix}" with its defaults validates with zero findings`, () => {
      const ws = load({ path: `${snippet.prefix}.pim.yaml`, text: expandSnippet(snippet.body) });
      assert.equal(ws.groups.length + ws.templates.length, 1, `${name} should hold one definition`);
      assert.equal(ws.findings.length, 0, describeFindings(ws));
    });

    const offered = choices(snippet.body);
    if (offered.length) {
      it(`"${snippet.prefix}" validates with each of its ${offered.length} choices`, () => {
        for (const [index, option] of offered) {
          const ws = load({
            path: `${snippet.prefix}.pim.yaml`,
            text: expandSnippet(snippet.body, { placeholders: { [index]: option } }),
          });
          assert.equal(
            ws.findings.filter((f) => f.severity === 'error').length,
            0,
            `choice ${index}=${option}\n${describeFindings(ws)}`,
          );
        }
      });
    }
  }

  it('validates all snippets side by side in one workspace (names and groups do not collide)', () => {
    const ws = load(...entries.map(([, s]) => ({ path: `${s.prefix}.pim.yaml`, text: expandSnippet(s.body) })));
    assert.equal(ws.findings.length, 0, describeFindings(ws));
  });

  it('offers a snippet for each use case of the article, a PolicyTemplate and a bare PimGroup', () => {
    const useCases = entries
      .map(([, s]) => load({ path: 'x.pim.yaml', text: expandSnippet(s.body) }))
      .flatMap((ws) => [...ws.groups.map((g) => g.metadata.useCase), ...ws.templates.map(() => 'template')]);
    assert.deepEqual(useCases.sort(), [
      'azure-resource',
      'ca-exclusion',
      'custom',
      'intune-rbac',
      'jit-license',
      'team-access',
      'template',
    ]);
  });

  it('gives every snippet tab stops and a final cursor position', () => {
    for (const [name, s] of entries) {
      const text = s.body.join('\n');
      assert.match(text, /\$\{1[:|]/, `${name} has no first tab stop`);
      assert.match(text, /\$0/, `${name} has no $0`);
    }
  });
});

describe('New Definition from Use Case: the files it writes', () => {
  for (const template of USE_CASE_TEMPLATES) {
    it(`"${template.label}" named "acme-${template.id}" validates and carries that name`, () => {
      const name = `acme-${template.id}`;
      const ws = load({ path: `${name}.pim.yaml`, text: definitionText(template, name) });
      assert.equal(ws.findings.length, 0, describeFindings(ws));
      const definition = ws.groups[0] ?? ws.templates[0];
      assert.equal(definition.metadata.name, name);
      if (ws.groups[0]) assert.equal(ws.groups[0].group.displayName, displayNameFor(name));
      if (ws.groups[0]?.group.type === 'microsoft365') assert.equal(ws.groups[0].group.mailNickname, name);
    });
  }

  it('two definitions made from the same use case with different names do not collide', () => {
    const template = USE_CASE_TEMPLATES[0];
    const ws = load(
      { path: 'a.pim.yaml', text: definitionText(template, 'helpdesk-days') },
      { path: 'b.pim.yaml', text: definitionText(template, 'helpdesk-nights') },
    );
    assert.equal(ws.findings.length, 0, describeFindings(ws));
  });

  it('offers every snippet of the file once', () => {
    assert.deepEqual(USE_CASE_TEMPLATES.map((t) => t.snippet).sort(), entries.map(([name]) => name).sort());
    for (const t of USE_CASE_TEMPLATES) assert.ok(snippetBody(t.snippet).length > 5);
  });
});
