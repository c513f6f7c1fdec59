// Diff with Tenant: the tenant's group as YAML (read-only, left) beside the definition (right).
import * as assert from 'assert';
import * as vscode from 'vscode';
import { parts, screenshotMoment } from '../suite/screenshotMoment';
import { cleanWindow, connectedAs, hideSideBar, openExample, PICTURE_TIMEOUT_MS } from './stage';

describe('Diff with Tenant', function () {
  this.timeout(PICTURE_TIMEOUT_MS);
  it('compares the tenant with the file (picture: diff)', async () => {
    const api = await connectedAs('admin@contoso.com');
    await cleanWindow();
    await hideSideBar();
    await openExample('intune-helpdesk.pim.yaml');
    await api.whenDefinitionsIdle!();
    const result = await vscode.commands.executeCommand<{ left: string; right: string }>('pimGroups.diffWithTenant');
    assert.ok(result, JSON.stringify(api.getCommandOutcomes!().slice(-1)));
    await screenshotMoment('diff', [
      { text: 'tenant ↔ definition', selector: parts.editor },
      // Both sides: the tenant's group (it has no lead@ yet) and the file.
      { text: 'alice@contoso.com', selector: '.editor.original' },
      { text: 'lead@contoso.com', selector: '.editor.modified' },
    ]);
  });
});
