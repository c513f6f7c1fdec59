// The plan preview of one example against the demo tenant: a section per group, field-by-field changes and the
// risk marks a reviewer must look at. Checked inside the webview, where the reader sees it.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { parts, screenshotMoment } from '../suite/screenshotMoment';
import { cleanWindow, connectedAs, hideSideBar, openExample, PICTURE_TIMEOUT_MS } from './stage';

interface PreviewResult {
  groups: string[];
  summary?: { add: number; change: number; remove: number; errors: number };
  html: string;
}

describe('Preview Changes', function () {
  this.timeout(PICTURE_TIMEOUT_MS);
  it('shows the plan with its risk marks (picture: plan-preview)', async () => {
    const api = await connectedAs('admin@contoso.com');
    await cleanWindow();
    await hideSideBar();
    await openExample('intune-helpdesk.pim.yaml');
    await api.whenDefinitionsIdle!();
    const result = await vscode.commands.executeCommand<PreviewResult>('pimGroups.previewFile');
    assert.ok(result, JSON.stringify(api.getCommandOutcomes!().slice(-1)));
    assert.deepStrictEqual(result.groups, ['intune-helpdesk']);
    assert.strictEqual(result.summary?.errors, 0);
    await vscode.commands.executeCommand('notifications.clearAll');
    await screenshotMoment('plan-preview', [
      { text: 'Plan: intune-helpdesk.pim.yaml', selector: parts.editor },
      { text: 'PIM-Intune-Helpdesk', webview: true },
      { text: 'remove eligible member user:bob@contoso.com', webview: true },
      { text: '⚠ removal', webview: true },
    ]);
  });
});
