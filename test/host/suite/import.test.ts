import * as assert from 'assert';
import * as path from 'path';
import * as vscode from 'vscode';
import { pimGroups, type PimGroupsTestApi } from './extensionUnderTest';
import { sandboxUrl } from './hostTestSettings';

// Import Group as Definition writes <name>.pim.yaml from a tenant group (the engine's export) into the workspace.
// PIM-Exchange-Admins is onboarded in the demo tenant and in no example.
const ours = (uri: vscode.Uri) =>
  vscode.languages
    .getDiagnostics(uri)
    .filter((d) => d.source === 'pim-groups' && d.severity === vscode.DiagnosticSeverity.Error);

describe('Import Group as Definition', function () {
  this.timeout(60000);
  let api: PimGroupsTestApi;
  let imported: vscode.Uri | undefined;

  before(async function () {
    if (!sandboxUrl()) this.skip();
    api = (await pimGroups().activate())!;
    await vscode.commands.executeCommand('pimGroups.useSandbox');
  });
  afterEach(() => api.useRealPrompts!());
  after(async () => {
    if (imported) await vscode.workspace.fs.delete(imported).then(undefined, () => undefined);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('offers the PIM-enabled groups, writes the picked one as a definition that validates, and opens it', async () => {
    api.setPromptAnswers!([{ pick: 'PIM-Exchange-Admins', expect: 'Which PIM-enabled group?' }]);
    imported = await vscode.commands.executeCommand<vscode.Uri>('pimGroups.importGroup');
    assert.deepStrictEqual(api.getUnusedPromptAnswers!(), []);
    assert.ok(imported, JSON.stringify(api.getCommandOutcomes!().slice(-1)));
    assert.strictEqual(path.basename(imported.fsPath), 'pim-exchange-admins.pim.yaml');
    assert.strictEqual(vscode.window.activeTextEditor?.document.uri.toString(), imported.toString());
    const text = (await vscode.workspace.openTextDocument(imported)).getText();
    assert.match(text, /^kind: PimGroup$/m);
    assert.match(text, /^ {2}displayName: PIM-Exchange-Admins$/m);
    await api.whenDefinitionsIdle!();
    assert.deepStrictEqual(
      ours(imported).map((d) => `${d.range.start.line + 1}: ${d.message}`),
      [],
    );
  });

  it('imports by group id (as the Groups tree calls it) and asks before replacing the file', async () => {
    const text = (await vscode.workspace.openTextDocument(imported!)).getText();
    const id = /^ {2}id: (\S+)$/m.exec(text)?.[1];
    assert.ok(id, text);
    api.setPromptAnswers!([{ confirm: true, expect: 'already exists' }]);
    const again = await vscode.commands.executeCommand<vscode.Uri>('pimGroups.importGroup', { groupId: id });
    assert.deepStrictEqual(api.getUnusedPromptAnswers!(), []);
    assert.strictEqual(again?.toString(), imported!.toString());

    api.setPromptAnswers!([{ confirm: false, expect: 'already exists' }]);
    const before = api.getCommandOutcomes!().length;
    await vscode.commands.executeCommand('pimGroups.importGroup', id);
    assert.strictEqual(api.getCommandOutcomes!().slice(before)[0]?.outcome, 'cancelled');
  });

  it('plans the imported definition as in sync: the export matches the tenant', async () => {
    const preview = await vscode.commands.executeCommand<{ summary?: Record<string, number>; html: string }>(
      'pimGroups.previewChanges',
      imported,
    );
    assert.ok(preview?.summary, JSON.stringify(api.getCommandOutcomes!().slice(-1)));
    assert.deepStrictEqual(
      { add: preview.summary.add, change: preview.summary.change, remove: preview.summary.remove },
      { add: 0, change: 0, remove: 0 },
    );
  });
});
