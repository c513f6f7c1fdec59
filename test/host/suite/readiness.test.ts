import * as assert from 'assert';
import * as vscode from 'vscode';
import { pimGroups, type PimGroupsTestApi } from './extensionUnderTest';
import { sandboxUrl } from './hostTestSettings';

// Check Tenant Readiness against the demo sandbox as a caller without directory roles: the licence passes (the demo
// tenant has Entra ID P2) and the roles check fails for the groups of the fixture workspace that alice does not own.
interface ReadinessView {
  report: { results: { id: string; status: string; what: string; fix?: string }[] };
  html: string;
}
type Api = PimGroupsTestApi & { setSandboxCaller(upn: string, mfa?: boolean): Promise<unknown> };

const hasTab = (label: string) => vscode.window.tabGroups.all.some((g) => g.tabs.some((t) => t.label === label));
function tabOpens(label: string): Promise<boolean> {
  if (hasTab(label)) return Promise.resolve(true);
  return new Promise((resolve) => {
    const sub = vscode.window.tabGroups.onDidChangeTabs(() => {
      if (!hasTab(label)) return;
      sub.dispose();
      resolve(true);
    });
  });
}

describe('Check Tenant Readiness', function () {
  this.timeout(60000);
  let api: Api;

  before(async function () {
    if (!sandboxUrl()) this.skip();
    api = (await pimGroups().activate()) as unknown as Api;
  });
  after(async () => {
    await api?.setSandboxCaller('admin@contoso.com');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('shows a failing and a passing item, with the failing one’s fix, in a webview', async () => {
    await api.setSandboxCaller('alice@contoso.com');
    const view = await vscode.commands.executeCommand<ReadinessView>('pimGroups.checkReadiness');
    assert.ok(view, JSON.stringify(api.getCommandOutcomes!().slice(-1)));
    const byId = new Map(view.report.results.map((r) => [r.id, r]));
    assert.strictEqual(byId.get('licence')?.status, 'pass', JSON.stringify(byId.get('licence')));
    const roles = byId.get('roles');
    assert.strictEqual(roles?.status, 'fail', JSON.stringify(roles));
    assert.match(view.html, /<tr class="fail"><td class="status">✗ fail<\/td><td>You hold no active directory role/);
    assert.match(view.html, /<tr class="pass"><td class="status">✓ pass<\/td><td>PIM-capable licences/);
    assert.match(view.html, /<code>roles<\/code>.*<span class="fix">Fix:<\/span> Activate or get/);
    // The workbench reports the new tab to the extension host a moment later: wait for the event, not for time.
    assert.ok(await tabOpens('Tenant Readiness'));
  });

  it('passes the roles check for the administrator (a Privileged Role Administrator)', async () => {
    await api.setSandboxCaller('admin@contoso.com');
    const view = await vscode.commands.executeCommand<ReadinessView>('pimGroups.checkReadiness');
    assert.ok(view, JSON.stringify(api.getCommandOutcomes!().slice(-1)));
    assert.strictEqual(view.report.results.find((r) => r.id === 'roles')?.status, 'pass');
  });
});
