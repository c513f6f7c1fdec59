// Activation as alice: first the real quick pick of her eligible memberships (the picture), then an activation
// with answered prompts, after which My Access and the status bar show the elevation and its time left.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { eventually } from '../suite/extensionUnderTest';
import { parts, screenshotMoment } from '../suite/screenshotMoment';
import { cleanWindow, connectedAs, openExample, PICTURE_TIMEOUT_MS, type SceneApi, showPimSideBar } from './stage';

const VIEW = 'pimGroups.myAccess';
const ACTIVATE = 'pimGroups.activateMembership';

describe('Activation and My Access', function () {
  this.timeout(PICTURE_TIMEOUT_MS);
  let api: SceneApi;

  before(async () => {
    api = await connectedAs('alice@contoso.com');
    await cleanWindow();
    await showPimSideBar();
    await vscode.commands
      .executeCommand('workbench.actions.treeView.pimGroups.groups.collapseAll')
      .then(undefined, () => undefined);
    await openExample('intune-helpdesk.pim.yaml');
  });
  afterEach(() => api.useRealPrompts!());

  it('offers the eligible memberships in a quick pick (picture: activation-quick-pick)', async () => {
    await api.revealInTree(VIEW, ['Eligible', 'PIM-Intune-Helpdesk']);
    const before = api.getCommandOutcomes!().length;
    const running = vscode.commands.executeCommand(ACTIVATE);
    await screenshotMoment('activation-quick-pick', [
      { text: 'Activate Membership', selector: parts.quickInput },
      { text: 'PIM-Intune-Helpdesk', selector: parts.quickInput },
    ]);
    const outcome = await eventually('the command to end', () => {
      void vscode.commands.executeCommand('workbench.action.closeQuickOpen');
      return api.getCommandOutcomes!()
        .slice(before)
        .find((o) => o.id === ACTIVATE);
    });
    await running;
    assert.strictEqual(outcome.outcome, 'cancelled', JSON.stringify(outcome));
  });

  it('shows the active elevation in My Access and its time left in the status bar (picture: my-access)', async () => {
    const node = await api.getTreeNode(VIEW, ['Eligible', 'PIM-Intune-Helpdesk']);
    api.setPromptAnswers!([
      { pick: '2 hours', expect: 'For how long?' },
      { input: 'Ticket 4711: reset a kiosk device', expect: 'Justification' },
    ]);
    const result = await vscode.commands.executeCommand<{ pendingApproval: boolean }>(ACTIVATE, node);
    assert.ok(result, JSON.stringify(api.getCommandOutcomes!().slice(-1)));
    assert.strictEqual(result.pendingApproval, false);
    const status = await eventually('the elevation in the status bar', () => api.getElevationStatus());
    assert.match(status, /PIM-Intune-Helpdesk · \d h( \d+ min)? left/);
    await api.revealInTree(VIEW, ['Active', 'PIM-Intune-Helpdesk']);
    await vscode.commands.executeCommand('notifications.clearAll');
    await screenshotMoment('my-access', [
      { text: 'Active', selector: parts.sideBar },
      { pattern: 'Member · \\d h( \\d+ min)? left', selector: parts.sideBar },
      { pattern: 'PIM-Intune-Helpdesk · \\d h( \\d+ min)? left', selector: parts.statusBar },
    ]);
  });
});
