// Signing in to a tenant needs the customer's own app registration: without pimGroups.auth.clientId the extension
// refuses at once (no sign-in page with VS Code's app and PIM write scopes), says what to set and offers the
// settings. In the sandbox, the connection quick pick has no "Switch tenant…" (the sandbox has one tenant).
import * as assert from 'assert';
import * as vscode from 'vscode';
import { pimGroups, type PimGroupsTestApi } from './extensionUnderTest';
import { sandboxUrl } from './hostTestSettings';

type Api = PimGroupsTestApi & { getConnection(): { kind: string } | undefined };

describe('Sign in', () => {
  let api: Api;

  before(async function () {
    if (!sandboxUrl()) this.skip();
    api = (await pimGroups().activate()) as unknown as Api;
    await vscode.commands.executeCommand('pimGroups.useSandbox');
  });
  afterEach(() => api.useRealPrompts!());

  it('refuses to sign in without an app registration, says what to set, and keeps the current connection', async () => {
    assert.strictEqual(vscode.workspace.getConfiguration('pimGroups').get('auth.clientId') || undefined, undefined);
    api.setPromptAnswers!([]); // a sign-in page or any prompt would fail the command differently
    const result = await vscode.commands.executeCommand('pimGroups.signIn');
    assert.strictEqual(result, undefined);
    const outcome = api.getCommandOutcomes!().slice(-1)[0];
    assert.strictEqual(outcome.id, 'pimGroups.signIn');
    assert.strictEqual(outcome.outcome, 'failed');
    assert.match(outcome.error ?? '', /^Signing in needs your app registration: set pimGroups\.auth\.clientId/);
    assert.strictEqual(api.getConnection()?.kind, 'sandbox');
  });

  it('does not offer "Switch tenant…" while connected to the sandbox', async () => {
    api.setPromptAnswers!([{ pick: '$(arrow-swap) Switch tenant…', expect: 'PIM Groups connection' }]);
    await vscode.commands.executeCommand('pimGroups.selectConnection');
    const outcome = api.getCommandOutcomes!().slice(-1)[0];
    assert.strictEqual(outcome.outcome, 'failed');
    assert.match(outcome.error ?? '', /matches none of: .*Sign in to a tenant.*Sign out/);
    const offered = (outcome.error ?? '').split('matches none of:')[1] ?? '';
    assert.doesNotMatch(offered, /Switch tenant/);
  });
});
