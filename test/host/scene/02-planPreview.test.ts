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
    // What the picture shows at the top: the counts, the risk summary first, then the group and what membership grants.
    await screenshotMoment('plan-preview', [
      { text: 'Plan: intune-helpdesk.pim.yaml', selector: parts.editor },
      { pattern: '\\d+ to add, \\d+ to change, 1 to remove, in 1 group', webview: true },
      { text: '⚠ Removes (1)', webview: true },
      { text: 'remove eligible member user:bob@contoso.com', webview: true },
      { pattern: '⚠ Weakens a policy \\(\\d+\\)', webview: true },
      { text: 'Membership grants: Intune role Help Desk Operator', webview: true },
      { text: 'longest activation: 4 hours → 8 hours', webview: true },
    ]);
  });
});
