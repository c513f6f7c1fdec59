import * as assert from 'node:assert/strict';
import { loadWorkspace } from '../../../../src/definitions';
import { DefinitionFileSet, isDefinitionFileName } from '../../../../src/extension/definitions/definitionFileSet';
import { validateFiles } from '../../../../src/extension/definitions/workspaceValidation';

const doc = (name: string, displayName = `PIM-${name}`) =>
  `apiVersion: pim-groups/v1\nkind: PimGroup\nmetadata:\n  name: ${name}\ngroup:\n  displayName: ${displayName}\n`;

describe("extension: the workspace's definition files", () => {
  it('recognises *.pim.yaml and *.pim.yml, nothing else', () => {
    assert.ok(isDefinitionFileName('/w/intune.pim.yaml'));
    assert.ok(isDefinitionFileName('C:\\w\\INTUNE.PIM.YML'));
    assert.ok(!isDefinitionFileName('/w/docker-compose.yaml'));
    assert.ok(!isDefinitionFileName('/w/pim.yaml'));
  });

  it("prefers the editor's unsaved text to the disk until the editor closes", () => {
    const files = new DefinitionFileSet();
    assert.ok(files.setFromDisk('file:///a', 'a.pim.yaml', 'disk 1'));
    assert.ok(files.setFromEditor('file:///a', 'a.pim.yaml', 'typing', 3));
    assert.ok(
      !files.setFromDisk('file:///a', 'a.pim.yaml', 'disk 2'),
      'a save by another tool does not replace what is being typed',
    );
    assert.equal(files.get('file:///a')!.text, 'typing');
    files.closeEditor('file:///a');
    assert.ok(files.setFromDisk('file:///a', 'a.pim.yaml', 'disk 2'));
    assert.deepEqual(files.get('file:///a'), { key: 'file:///a', path: 'a.pim.yaml', text: 'disk 2' });
  });

  it('reports no change when the same text arrives again (no needless re-validation)', () => {
    const files = new DefinitionFileSet();
    files.setFromDisk('k', 'a.pim.yaml', 'x');
    assert.ok(!files.setFromDisk('k', 'a.pim.yaml', 'x'));
    files.setFromEditor('k', 'a.pim.yaml', 'y', 1);
    assert.ok(!files.setFromEditor('k', 'a.pim.yaml', 'y', 1));
  });

  it('validates the files together and returns each finding to its file, with the editor version', () => {
    const files = new DefinitionFileSet();
    files.setFromDisk('file:///w/a.pim.yaml', 'a.pim.yaml', doc('helpdesk'));
    files.setFromEditor('file:///w/b.pim.yaml', 'b.pim.yaml', doc('helpdesk', 'PIM-Other'), 7);
    files.setFromDisk('file:///w/c.pim.yaml', 'c.pim.yaml', doc('clean'));
    const result = validateFiles(files.snapshot(), loadWorkspace, { now: new Date('2026-11-26T00:00:00Z') });
    assert.deepEqual(result.unplaced, []);
    assert.deepEqual(
      result.files.get('file:///w/a.pim.yaml')!.findings.map((f) => f.code),
      ['PIM050'],
    );
    assert.deepEqual(
      result.files.get('file:///w/b.pim.yaml')!.findings.map((f) => f.code),
      ['PIM050'],
    );
    assert.equal(result.files.get('file:///w/b.pim.yaml')!.version, 7);
    assert.deepEqual(
      result.files.get('file:///w/c.pim.yaml')!.findings,
      [],
      'a clean file is still listed, so its old diagnostics are cleared',
    );
  });
});
