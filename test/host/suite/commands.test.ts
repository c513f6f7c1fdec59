import * as assert from 'assert';
import * as vscode from 'vscode';
import { manifest, pimGroups } from './extensionUnderTest';

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
});
