// Connections: "Try without a tenant" (the sandbox from pimGroups.sandbox.url), the connection quick pick behind
// the status bar, and signing out. Signing in to a real tenant needs a Microsoft account and is not run here.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { eventually, pimGroups, type PimGroupsTestApi } from './extensionUnderTest';
import { sandboxUrl } from './hostTestSettings';

interface Connection {
  kind: string;
  label: string;
  account: string;
  graphBaseUrl: string;
}
type Api = PimGroupsTestApi & {
  getConnection(): Connection | undefined;
  setSandboxCaller(upn: string, mfa?: boolean): Promise<Connection>;
  getTreeChildren(viewId: string, labelPath?: string[]): Promise<{ label: string }[]>;
};

describe('Connections', () => {
  let api: Api;

  before(async function () {
    if (!sandboxUrl()) this.skip();
    api = (await pimGroups().activate()) as unknown as Api;
  });
  afterEach(async () => {
    api.useRealPrompts!();
    await api.setSandboxCaller('admin@contoso.com');
  });

  it('"Try without a tenant" connects to the sandbox at pimGroups.sandbox.url as pimGroups.sandbox.user', async () => {
    const info = await vscode.commands.executeCommand<Connection>('pimGroups.useSandbox');
    assert.ok(info, JSON.stringify(api.getCommandOutcomes!().slice(-1)));
    assert.strictEqual(info.kind, 'sandbox');
    assert.strictEqual(info.account, 'admin@contoso.com');
    assert.strictEqual(info.label, 'Sandbox · admin@contoso.com');
    assert.strictEqual(info.graphBaseUrl, sandboxUrl()!.replace(/\/+$/, ''));
    assert.deepStrictEqual(api.getConnection(), info);
  });

  it('signs out from the connection quick pick, and the views fall back to their welcome content', async () => {
    await vscode.commands.executeCommand('pimGroups.useSandbox');
    api.setPromptAnswers!([{ pick: '$(sign-out) Sign out', expect: 'PIM Groups connection' }]);
    await vscode.commands.executeCommand('pimGroups.selectConnection');
    assert.deepStrictEqual(api.getUnusedPromptAnswers!(), []);
    assert.strictEqual(api.getConnection(), undefined);
    assert.deepStrictEqual(
      await api.getTreeChildren('pimGroups.groups'),
      [],
      'signed out: an empty tree shows the Sign In welcome',
    );
    assert.deepStrictEqual(await api.getTreeChildren('pimGroups.myAccess'), []);
  });

  it('offers "Try without a tenant" in the connection quick pick when signed out', async () => {
    await vscode.commands.executeCommand('pimGroups.signOut');
    api.setPromptAnswers!([{ pick: '$(beaker) Try without a tenant', expect: 'Not connected' }]);
    await vscode.commands.executeCommand('pimGroups.selectConnection');
    assert.strictEqual(api.getConnection()?.kind, 'sandbox');
  });

  it('follows a change of pimGroups.sandbox.user while connected to the sandbox', async () => {
    await vscode.commands.executeCommand('pimGroups.useSandbox');
    const config = vscode.workspace.getConfiguration('pimGroups');
    await config.update('sandbox.user', 'alice@contoso.com', vscode.ConfigurationTarget.Workspace);
    try {
      await eventually('the sandbox connection as alice', () =>
        api.getConnection()?.account === 'alice@contoso.com' ? true : undefined,
      );
      assert.strictEqual(api.getConnection()?.label, 'Sandbox · alice@contoso.com');
    } finally {
      await config.update('sandbox.user', undefined, vscode.ConfigurationTarget.Workspace);
    }
    await eventually('the sandbox connection as admin again', () =>
      api.getConnection()?.account === 'admin@contoso.com' ? true : undefined,
    );
  });

  it('starts a sandbox of its own on 127.0.0.1 (in the extension host) when pimGroups.sandbox.url is empty', async () => {
    const config = vscode.workspace.getConfiguration('pimGroups');
    const harnessUrl = sandboxUrl()!;
    await vscode.commands.executeCommand('pimGroups.useSandbox');
    await config.update('sandbox.url', '', vscode.ConfigurationTarget.Workspace);
    try {
      const own = await eventually(
        'a sandbox of its own',
        () => {
          const url = api.getConnection()?.graphBaseUrl;
          return url && url !== harnessUrl.replace(/\/+$/, '') ? url : undefined;
        },
        30000,
      );
      assert.match(own, /^http:\/\/127\.0\.0\.1:\d+$/);
      const health = (await (await fetch(`${own}/_sandbox/health`)).json()) as { status: string; seed?: string };
      assert.strictEqual(health.status, 'ok');
      assert.ok((await api.getTreeChildren('pimGroups.groups')).some((g) => g.label === 'PIM-Intune-Helpdesk'));
    } finally {
      await config.update('sandbox.url', harnessUrl, vscode.ConfigurationTarget.Workspace);
    }
    await eventually("the harness's sandbox again", () =>
      api.getConnection()?.graphBaseUrl === harnessUrl.replace(/\/+$/, '') ? true : undefined,
    );
  });

  it('refuses the tenant-facing commands with a "Sign In" message when signed out', async () => {
    await vscode.commands.executeCommand('pimGroups.signOut');
    await vscode.commands.executeCommand('pimGroups.activateMembership');
    const outcome = api.getCommandOutcomes!().slice(-1)[0];
    assert.strictEqual(outcome.outcome, 'failed');
    assert.match(outcome.error ?? '', /Not connected to a tenant/);
  });
});
