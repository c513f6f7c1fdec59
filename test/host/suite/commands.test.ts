import * as assert from 'assert';
import * as vscode from 'vscode';
import { manifest, pimGroups, type PimGroupsTestApi } from './extensionUnderTest';

describe('contributed commands', () => {
  it('registers every command that package.json contributes', async () => {
    const contributed = (manifest.contributes?.commands ?? []).map((c) => c.command);
    assert.ok(contributed.length > 0, 'package.json contributes no commands');
    await pimGroups().activate();
    // getCommands(true) leaves out ids starting with "_", and internal commands (tree-item actions such as
    // _pimGroups.loadMoreGroups) are contributed too, so ask for every command.
    const registered = new Set(await vscode.commands.getCommands(false));
    const missing = contributed.filter((id) => !registered.has(id));
    assert.deepStrictEqual(missing, [], `contributed but not registered: ${missing.join(', ')}`);
    console.log(`[pim-host] ${contributed.length} contributed commands registered`);
  });

  it('Validate Definitions checks every definition file in the workspace', async () => {
    const api = (await pimGroups().activate()) as PimGroupsTestApi;
    const onDisk = (await vscode.workspace.findFiles('**/*.pim.{yaml,yml}')).map((uri) =>
      vscode.workspace.asRelativePath(uri),
    );
    const result = await vscode.commands.executeCommand<{ files: number }>('pimGroups.validateWorkspace');
    // Editors still open on files other tests deleted keep their text, so the extension may track more than the disk.
    const tracked = api.getTrackedDefinitionFiles!();
    assert.strictEqual(result?.files, tracked.length);
    assert.deepStrictEqual(
      onDisk.filter((file) => !tracked.includes(file)),
      [],
      `tracked: ${tracked.join(', ')}`,
    );
  });

  it("Show Log opens the extension's log without failing", async () => {
    const api = (await pimGroups().activate()) as PimGroupsTestApi;
    await vscode.commands.executeCommand('pimGroups.showLog');
    const outcome = api.getCommandOutcomes!()
      .filter((o) => o.id === 'pimGroups.showLog')
      .pop();
    assert.strictEqual(outcome?.outcome, 'succeeded', JSON.stringify(outcome));
  });
});
