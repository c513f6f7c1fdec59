import * as assert from 'assert';
import * as vscode from 'vscode';
import { pimGroups, workspaceUri, type PimGroupsTestApi } from './extensionUnderTest';
import { sandboxUrl } from './hostTestSettings';

// Diff with Tenant: the tenant's state of the fixture's group (demo seed: alice and bob eligible for 30 days, MFA
// off) on the left, the definition on the right, both read-only, virtual and rendered from the model.
describe('Diff with Tenant', function () {
  this.timeout(60000);
  let api: PimGroupsTestApi;
  const fixture = () => workspaceUri('intune-helpdesk.pim.yaml');

  before(async function () {
    if (!sandboxUrl()) this.skip();
    api = (await pimGroups().activate())!;
    await vscode.commands.executeCommand('pimGroups.useSandbox');
  });
  after(() => vscode.commands.executeCommand('workbench.action.closeAllEditors'));

  it("opens the diff editor between the tenant's group and the definition, both rendered from the model", async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(fixture()));
    await api.whenDefinitionsIdle!();
    const result = await vscode.commands.executeCommand<{ left: string; right: string; inSync: boolean }>(
      'pimGroups.diffWithTenant',
    );
    assert.ok(result, JSON.stringify(api.getCommandOutcomes!().slice(-1)));

    const left = vscode.Uri.parse(result.left);
    assert.strictEqual(left.scheme, 'pim-groups-tenant');
    assert.strictEqual(vscode.Uri.parse(result.right).scheme, 'pim-groups-tenant');
    assert.strictEqual(result.inSync, false);
    const tab = vscode.window.tabGroups.activeTabGroup.activeTab;
    assert.ok(tab?.input instanceof vscode.TabInputTextDiff, `the active tab is ${tab?.label}`);
    assert.strictEqual(tab.input.original.toString(), result.left);
    assert.strictEqual(tab.input.modified.toString(), result.right);

    const tenant = (await vscode.workspace.openTextDocument(left)).getText();
    assert.match(tenant, /^kind: PimGroup$/m);
    assert.match(tenant, /^ {2}displayName: PIM-Intune-Helpdesk$/m);
    assert.match(tenant, /principal: user:bob@contoso\.com/, 'the tenant still has bob');
    assert.match(tenant, /principal: user:alice@contoso\.com/);
    const file = (await vscode.workspace.openTextDocument(vscode.Uri.parse(result.right))).getText();
    assert.ok(!file.includes('bob@contoso.com'), 'the definition drops bob');
    assert.match(file, /duration: P90D/);
  });

  it('keeps the tenant side read-only: it is a virtual document, not a file', async () => {
    const tab = vscode.window.tabGroups.activeTabGroup.activeTab;
    const original = (tab?.input as vscode.TabInputTextDiff).original;
    const doc = await vscode.workspace.openTextDocument(original);
    assert.strictEqual(doc.isUntitled, false);
    assert.strictEqual(doc.uri.scheme, 'pim-groups-tenant');
    await assert.rejects(
      Promise.resolve(vscode.workspace.fs.stat(original)),
      'a tenant document must not exist on any file system',
    );
  });
});
