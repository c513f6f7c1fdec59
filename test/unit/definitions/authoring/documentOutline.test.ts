import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { documentOutline, OutlineNode } from '../../../../src/definitions/authoring/documentOutline';

const example = (name: string) => readFileSync(path.resolve(__dirname, '../../../../../examples', name), 'utf8');
const tree = (nodes: OutlineNode[], depth: number): unknown =>
  nodes.map((n) =>
    depth > 1 && n.children.length
      ? { [`${n.name} (${n.detail})`]: tree(n.children, depth - 1) }
      : `${n.name} (${n.detail})`,
  );

describe('definitions/authoring: the outline of a definition file', () => {
  it('shows a group by name and kind, with its group, policies, assignments and bindings', () => {
    const [doc] = documentOutline(example('intune-helpdesk.pim.yaml'));
    assert.equal(`${doc.name} (${doc.detail})`, 'intune-helpdesk (PimGroup)');
    assert.deepEqual(tree(doc.children, 3), [
      'group (PIM-Intune-Helpdesk)',
      { 'policies ()': [{ 'member (standard-8h)': ['activation ()'] }] },
      {
        'assignments (authoritative)': [
          {
            'eligible ()': [
              'user:alice@contoso.com (P90D · Helpdesk rotation)',
              'user:lead@contoso.com (P180D · Helpdesk lead covers escalations)',
            ],
          },
        ],
      },
      { 'bindings ()': [{ 'intuneRoles ()': ['Help Desk Operator ()'] }] },
    ]);
  });

  it('shows the Settings document by its kind, with its protected principals', () => {
    const [doc] = documentOutline(
      'apiVersion: pim-groups/v1\nkind: Settings\nprotectedPrincipals:\n  - user:breakglass@contoso.com\n',
    );
    assert.equal(`${doc.name} (${doc.detail})`, 'Settings (Settings)');
    assert.deepEqual(tree(doc.children, 2), [{ 'protectedPrincipals ()': ['user:breakglass@contoso.com ()'] }]);
  });

  it('shows each document of a file, with ranges from the source (the name selected)', () => {
    const text = example('templates.pim.yaml');
    const docs = documentOutline(text);
    assert.ok(docs.length >= 2 && docs.every((d) => d.detail === 'PolicyTemplate'));
    const lines = text.split('\n');
    for (const d of docs) {
      const s = d.selection;
      assert.equal(lines[s.start.line].slice(s.start.character, s.end.character), d.name);
      assert.ok(d.range.start.line <= s.start.line && d.range.end.line >= s.end.line);
    }
  });

  it('has no outline for a document that is not a mapping', () => {
    assert.deepEqual(documentOutline('- a list\n- of things\n'), []);
  });
});
