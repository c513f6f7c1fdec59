import * as assert from 'assert';
import * as vscode from 'vscode';
import { pimGroups, workspaceUri, type PimGroupsTestApi } from './extensionUnderTest';
import { sandboxUrl } from './hostTestSettings';

// CodeLens above each PimGroup: Preview · Apply · Diff with Tenant, plus what the last plan said while the
// definition is unchanged. The fixture's first line is a comment, so the lenses sit above line 2 (apiVersion).
const lensesOf = async (uri: vscode.Uri) =>
  (await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri, 10)).filter((l) =>
    l.command?.command.startsWith('pimGroups.'),
  );

describe('CodeLens on definitions', function () {
  this.timeout(60000);
  let api: PimGroupsTestApi;
  const fixture = () => workspaceUri('intune-helpdesk.pim.yaml');

  before(async () => {
    api = (await pimGroups().activate())!;
  });
  after(() => vscode.commands.executeCommand('workbench.action.closeAllEditors'));

  it('offers Preview, Apply and Diff with Tenant above the PimGroup document, for that file', async () => {
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(fixture()));
    await api.whenDefinitionsIdle!();
    const lenses = await lensesOf(fixture());
    assert.deepStrictEqual(
      lenses.map((l) => [l.range.start.line, l.command!.title, l.command!.command]),
      [
        [1, 'Preview', 'pimGroups.previewChanges'],
        [1, 'Apply', 'pimGroups.applyChanges'],
        [1, 'Diff with Tenant', 'pimGroups.diffWithTenant'],
      ],
    );
    for (const l of lenses)
      assert.strictEqual((l.command!.arguments![0] as vscode.Uri).toString(), fixture().toString());
  });

  it("adds the last plan's count after a preview, and drops it when the definition changes", async function () {
    if (!sandboxUrl()) this.skip();
    await vscode.commands.executeCommand('pimGroups.useSandbox');
    const preview = await vscode.commands.executeCommand<{ summary?: { add: number; change: number; remove: number } }>(
      'pimGroups.previewChanges',
      fixture(),
    );
    assert.ok(preview?.summary, JSON.stringify(api.getCommandOutcomes!().slice(-1)));
    const s = preview.summary;
    const expected = `${s.add + s.change + s.remove} changes`;
    assert.deepStrictEqual((await lensesOf(fixture())).map((l) => l.command!.title).slice(3), [expected]);

    const editor = vscode.window.activeTextEditor!;
    assert.strictEqual(editor.document.uri.toString(), fixture().toString());
    await editor.edit((e) =>
      e.replace(new vscode.Range(13, 0, 13, editor.document.lineAt(13).text.length), '      maxDuration: PT3H'),
    );
    await api.whenDefinitionsIdle!();
    assert.deepStrictEqual(
      (await lensesOf(fixture())).map((l) => l.command!.title),
      ['Preview', 'Apply', 'Diff with Tenant'],
    );
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });
});
