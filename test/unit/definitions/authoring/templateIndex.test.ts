import * as assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import * as path from 'node:path';
import {
  checkTemplateRename,
  templateNameAt,
  templateOccurrences,
  templateRenameEdits,
} from '../../../../src/definitions/authoring/templateIndex';
import { loadWorkspace, PIM_GROUPS_SCHEMA } from '../../../../src/definitions';
import { NOW } from '../fixture';

const root = path.resolve(__dirname, '../../../../../examples');
const files = readdirSync(root).map((f) => ({ path: `examples/${f}`, text: readFileSync(path.join(root, f), 'utf8') }));
const workspace = loadWorkspace(files, { now: NOW });
const occurrences = templateOccurrences(workspace.groups, workspace.templates);

describe('definitions/authoring: template names across the workspace', () => {
  it('declares each template at its metadata.name and finds the groups’ template: references', () => {
    const standard = occurrences.filter((o) => o.name === 'standard-8h');
    const declaration = standard.find((o) => o.role === 'declaration')!;
    assert.equal(declaration.file, 'examples/templates.pim.yaml');
    const line = files.find((f) => f.path === declaration.file)!.text.split('\n')[declaration.range.start.line];
    assert.equal(line.slice(declaration.range.start.character, declaration.range.end.character), 'standard-8h');
    const references = standard.filter((o) => o.role === 'reference').map((o) => o.file);
    assert.ok(references.includes('examples/intune-helpdesk.pim.yaml'), references.join(' '));
  });

  it('finds the name under a position of a file, and nothing beside it', () => {
    const ref = occurrences.find((o) => o.role === 'reference' && o.file === 'examples/intune-helpdesk.pim.yaml')!;
    assert.equal(templateNameAt(occurrences, ref.file, ref.range.start)?.name, ref.name);
    assert.equal(templateNameAt(occurrences, ref.file, { line: ref.range.start.line, character: 0 }), undefined);
  });

  it('refuses a rename to a taken name, an invalid name or the same name, saying why', () => {
    const other = workspace.templates.find((t) => t.metadata.name !== 'standard-8h')!.metadata.name;
    const taken = checkTemplateRename(PIM_GROUPS_SCHEMA, occurrences, 'standard-8h', other);
    assert.deepEqual(taken, {
      ok: false,
      message: `A template named '${other}' already exists in examples/templates.pim.yaml.`,
    });
    const invalid = checkTemplateRename(PIM_GROUPS_SCHEMA, occurrences, 'standard-8h', 'Standard 8h');
    assert.equal(invalid.ok, false);
    assert.match(!invalid.ok ? invalid.message : '', /'Standard 8h' is not a valid template name\. Use lowercase/);
    assert.equal(checkTemplateRename(PIM_GROUPS_SCHEMA, occurrences, 'standard-8h', 'standard-8h').ok, false);
    assert.deepEqual(checkTemplateRename(PIM_GROUPS_SCHEMA, occurrences, 'standard-8h', 'shift-8h'), { ok: true });
  });

  it('renames the declaration and every reference, file by file, and nothing else', () => {
    const edits = templateRenameEdits(occurrences, 'standard-8h', 'shift-8h');
    const count = [...edits.values()].reduce((n, list) => n + list.length, 0);
    assert.equal(count, occurrences.filter((o) => o.name === 'standard-8h').length);
    assert.ok(count >= 2);
    for (const list of edits.values()) for (const e of list) assert.equal(e.newText, 'shift-8h');
  });
});
