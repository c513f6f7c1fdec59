import * as assert from 'node:assert/strict';
import { cursorContext } from '../../../../src/definitions/authoring/cursorContext';
import { DOCUMENT_SNIPPETS, startsDocument } from '../../../../src/extension/authoring/documentSnippets';

/** Whether the snippets are offered with the cursor at `|` in the text. */
function offeredAt(marked: string): boolean {
  const lines = marked.split('\n');
  const line = lines.findIndex((l) => l.includes('|'));
  const character = lines[line].indexOf('|');
  lines[line] = lines[line].replace('|', '');
  return startsDocument(cursorContext(lines, { line, character }));
}

describe('authoring: document snippets are offered only where a document starts', () => {
  it('offers them in an empty document and on a first key typed at column 0', () => {
    assert.equal(offeredAt('|'), true);
    assert.equal(offeredAt('pim|'), true);
    assert.equal(offeredAt('# a comment first\npim-gr|'), true);
  });

  it('offers them in a new YAML document after ---, whatever the one before holds', () => {
    assert.equal(offeredAt('apiVersion: pim-groups/v1\nkind: PimGroup\n---\npim|'), true);
  });

  it('does not offer them inside a nested mapping or a list item', () => {
    assert.equal(offeredAt('kind: PimGroup\npolicies:\n  member:\n    pim|'), false);
    assert.equal(offeredAt('kind: PimGroup\nassignments:\n  eligible:\n    - pim|'), false);
    assert.equal(offeredAt('group:\n  pim|'), false);
  });

  it('does not offer them beside keys the document already has, nor at a value', () => {
    assert.equal(offeredAt('apiVersion: pim-groups/v1\npim|'), false);
    assert.equal(offeredAt('pim|\nkind: PimGroup'), false);
    assert.equal(offeredAt('kind: pim|'), false);
  });

  it('carries every snippet of snippets/pim-yaml.json, each a whole document', () => {
    assert.ok(DOCUMENT_SNIPPETS.length >= 7);
    for (const s of DOCUMENT_SNIPPETS) assert.match(s.body, /^apiVersion: pim-groups\/v1\n/, s.name);
  });
});
