// New Definition from Use Case: the use cases a definition can start from, in a real quick pick.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { eventually } from '../suite/extensionUnderTest';
import { parts, screenshotMoment } from '../suite/screenshotMoment';
import { cleanWindow, connectedAs, PICTURE_TIMEOUT_MS, showPimSideBar } from './stage';

const COMMAND = 'pimGroups.newDefinitionFromUseCase';

describe('New Definition from Use Case', function () {
  this.timeout(PICTURE_TIMEOUT_MS);
  it('offers the use cases (picture: new-definition)', async () => {
    const api = await connectedAs('admin@contoso.com');
    await cleanWindow();
    await vscode.commands.executeCommand('workbench.view.explorer');
    const before = api.getCommandOutcomes!().length;
    const running = vscode.commands.executeCommand(COMMAND);
    await screenshotMoment('new-definition', [
      { text: 'Intune RBAC', selector: parts.quickInput },
      { text: 'Conditional Access exclusion', selector: parts.quickInput },
    ]);
    const outcome = await eventually('the command to end', () => {
      void vscode.commands.executeCommand('workbench.action.closeQuickOpen');
      return api.getCommandOutcomes!()
        .slice(before)
        .find((o) => o.id === COMMAND);
    });
    await running;
    assert.strictEqual(outcome.outcome, 'cancelled', JSON.stringify(outcome));
    await showPimSideBar();
  });
});
