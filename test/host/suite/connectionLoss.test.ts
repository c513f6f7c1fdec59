// A stopped sandbox: the transport hears the refused loopback connection at once (no half minute of retries), the
// status bar says "disconnected", a failed command says the sandbox is not running and offers "Use the built-in
// sandbox" and "Retry", and the views show an error item instead of an empty tree.
import * as assert from 'assert';
import * as net from 'net';
import * as vscode from 'vscode';
import { eventually, pimGroups, type PimGroupsTestApi } from './extensionUnderTest';
import { sandboxUrl } from './hostTestSettings';

type Api = PimGroupsTestApi & {
  getConnection(): { kind: string; graphBaseUrl: string } | undefined;
  getConnectionStatus(): string;
  getTreeChildren(viewId: string, labelPath?: string[]): Promise<{ label: string; description?: string }[]>;
};

/** A port on 127.0.0.1 where nothing listens: bound, then closed again. */
async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as net.AddressInfo).port;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe('Connection loss (the sandbox is not running)', function () {
  let api: Api;
  let stopped: string;
  let harnessUrl: string;
  const config = () => vscode.workspace.getConfiguration('pimGroups');

  before(async function () {
    if (!sandboxUrl()) this.skip();
    api = (await pimGroups().activate()) as unknown as Api;
    harnessUrl = sandboxUrl()!;
    stopped = `http://127.0.0.1:${await closedPort()}`;
    await vscode.commands.executeCommand('pimGroups.useSandbox');
    await config().update('sandbox.url', stopped, vscode.ConfigurationTarget.Workspace);
    await eventually('the connection to the stopped sandbox', () =>
      api.getConnection()?.graphBaseUrl === stopped ? true : undefined,
    );
  });
  after(async () => {
    api?.useRealPrompts!();
    await config().update('sandbox.url', harnessUrl, vscode.ConfigurationTarget.Workspace);
    await eventually("the harness's sandbox again", () =>
      api.getConnection()?.graphBaseUrl === harnessUrl.replace(/\/+$/, '') ? true : undefined,
    );
  });

  it('says the sandbox is not running, with "Use the built-in sandbox" and "Retry", and the status bar says disconnected', async () => {
    assert.doesNotMatch(api.getConnectionStatus(), /disconnected/, 'nothing was tried yet');
    await vscode.commands.executeCommand('pimGroups.activateMembership');
    const outcome = api.getCommandOutcomes!().slice(-1)[0];
    assert.strictEqual(outcome.id, 'pimGroups.activateMembership');
    assert.strictEqual(outcome.outcome, 'failed');
    assert.strictEqual(
      outcome.error,
      `The sandbox at ${stopped} is not running (connection refused): start it again, or use the built-in sandbox.`,
    );
    assert.strictEqual(api.getConnectionStatus(), '$(debug-disconnect) PIM: disconnected');
  });

  it('shows an error item in the Groups view, not an empty tree', async () => {
    await vscode.commands.executeCommand('pimGroups.refreshGroups');
    const rows = await api.getTreeChildren('pimGroups.groups');
    assert.strictEqual(rows.length, 1, JSON.stringify(rows));
    assert.match(rows[0].description ?? '', /Nothing is listening at http:\/\/127\.0\.0\.1:\d+ \(connection refused\)/);
  });

  it('offers Retry and the built-in sandbox first in the connection quick pick; the built-in one answers', async () => {
    api.setPromptAnswers!([
      { pick: '$(beaker) Use the built-in sandbox', expect: `Disconnected: nothing is listening at ${stopped}` },
    ]);
    await vscode.commands.executeCommand('pimGroups.selectConnection');
    assert.deepStrictEqual(api.getUnusedPromptAnswers!(), []);
    const own = api.getConnection()?.graphBaseUrl ?? '';
    assert.match(own, /^http:\/\/127\.0\.0\.1:\d+$/);
    assert.notStrictEqual(own, stopped);
    assert.strictEqual(api.getConnectionStatus(), '$(beaker) Sandbox · admin@contoso.com');
    const groups = await api.getTreeChildren('pimGroups.groups');
    assert.ok(
      groups.some((g) => g.label === 'PIM-Intune-Helpdesk'),
      JSON.stringify(groups),
    );
  });
});
