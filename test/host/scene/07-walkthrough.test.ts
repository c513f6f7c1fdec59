// The getting-started walkthrough in the Welcome page, on its first step.
import * as vscode from 'vscode';
import { pimGroups } from '../suite/extensionUnderTest';
import { parts, screenshotMoment } from '../suite/screenshotMoment';
import { cleanWindow, connectedAs, hideSideBar, PICTURE_TIMEOUT_MS } from './stage';

describe('Getting-started walkthrough', function () {
  this.timeout(PICTURE_TIMEOUT_MS);
  it('opens on its first step (picture: walkthrough)', async () => {
    await connectedAs('admin@contoso.com');
    await cleanWindow();
    await hideSideBar();
    await vscode.commands.executeCommand(
      'workbench.action.openWalkthrough',
      `${pimGroups().id}#pimGroups.gettingStarted`,
      false,
    );
    await screenshotMoment('walkthrough', [
      { text: 'Get started with PIM Groups', selector: parts.editor },
      { text: 'Connect to a tenant, or try the sandbox', selector: parts.editor },
      { text: 'Nothing leaves your machine', webview: true },
    ]);
  });
});
