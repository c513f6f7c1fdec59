import * as assert from 'assert';
import * as vscode from 'vscode';
import { manifest, pimGroups, type PimGroupsTestApi } from './extensionUnderTest';

describe('contributed commands', () => {
  it('registers every command that package.json contributes', async () => {
    const contributed = (manifest.contributes?.commands ?? []).map((c) => c.command);
    assert.ok(contributed.length > 0, 'package.json contributes no commands');
    await pimGroups().activate();
    const registered = new Set(await vscode.commands.getCommands(true));
    const missing = contributed.filter((id) => !registered.has(id));
    assert.deepStrictEqual(missing, [], `contributed but not registered: ${missing.join(', ')}`);
    console.log(`[pim-host] ${contributed.length} contributed commands registered`);
  });

  it('Validate Definitions checks every definition file in the workspace', async () => {
    const onDisk = await vscode.workspace.findFiles('**/*.pim.{yaml,yml}');
    const result = await vscode.commands.executeCommand<{ files: number }>('pimGroups.validateWorkspace');
    assert.strictEqual(result?.files, onDisk.length);
  });

  it('Show Log opens the extension\'s log without failing', async () => {
    const api = (await pimGroups().activate()) as PimGroupsTestApi;
    await vscode.commands.executeCommand('pimGroups.showLog');
    const outcome = api.getCommandOutcomes!().filter((o) => o.id === 'pimGroups.showLog').pop();
    assert.strictEqual(outcome?.outcome, 'succeeded', JSON.stringify(outcome));
  });
});
