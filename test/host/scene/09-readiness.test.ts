// Check Tenant Readiness for a caller without directory roles: what passes, what fails, and each failure's fix, in
// its webview. Checked inside the webview, where the reader sees it.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { screenshotMoment } from '../suite/screenshotMoment';
import { cleanWindow, connectedAs, hideSideBar, PICTURE_TIMEOUT_MS } from './stage';

describe('Check Tenant Readiness', function () {
  this.timeout(PICTURE_TIMEOUT_MS);
  it('shows what passes and what to fix (picture: readiness)', async () => {
    const api = await connectedAs('alice@contoso.com');
    await cleanWindow();
    await hideSideBar();
    await api.whenDefinitionsIdle!();
    const view = await vscode.commands.executeCommand<{ report: { results: { status: string }[] } }>(
      'pimGroups.checkReadiness',
    );
    assert.ok(view, JSON.stringify(api.getCommandOutcomes!().slice(-1)));
    await vscode.commands.executeCommand('notifications.clearAll');
    await screenshotMoment('readiness', [
      { text: 'Tenant readiness', webview: true },
      { text: 'You hold no active directory role', webview: true },
      { text: 'PIM-capable licences', webview: true },
      { text: 'What to fix', webview: true },
    ]);
    await connectedAs('admin@contoso.com');
  });
});
