// The Groups view: the tenant's PIM-enabled groups, one expanded to its member policy in words, its assignment
// settings and notifications, and its eligible assignments with the time they have left.
import * as vscode from 'vscode';
import { parts, screenshotMoment } from '../suite/screenshotMoment';
import { cleanWindow, connectedAs, openExample, PICTURE_TIMEOUT_MS, showPimSideBar } from './stage';

describe('Groups view', function () {
  this.timeout(PICTURE_TIMEOUT_MS);
  it('shows a group expanded to its policy and assignments (picture: groups-tree)', async () => {
    const api = await connectedAs('admin@contoso.com');
    await cleanWindow();
    await showPimSideBar();
    await vscode.commands
      .executeCommand('workbench.actions.treeView.pimGroups.myAccess.collapseAll')
      .then(undefined, () => undefined);
    await openExample('intune-helpdesk.pim.yaml');
    await api.revealInTree('pimGroups.groups', ['PIM-Intune-Helpdesk', 'Member']);
    await screenshotMoment('groups-tree', [
      { text: 'PIM-Intune-Helpdesk', selector: parts.sideBar },
      { text: 'Activation up to 4 hours', selector: parts.sideBar },
      { text: 'Eligible assignments', selector: parts.sideBar },
      { text: 'Alice Ward', selector: parts.sideBar },
      { text: 'Bob Stone', selector: parts.sideBar },
    ]);
  });
});
