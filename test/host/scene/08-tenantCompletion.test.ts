// Tenant-aware completion: after `principal: user:` the completion list offers the connected tenant's users, each
// with its display name and whether it is a member or a guest; the details pane of the guest's row says it whole
// (the list's width cuts a guest's long description).
import * as vscode from 'vscode';
import { screenshotMoment, whenVisible } from '../suite/screenshotMoment';
import { cleanWindow, connectedAs, hideSideBar, openExample, PICTURE_TIMEOUT_MS } from './stage';

describe('Tenant-aware completion', function () {
  this.timeout(PICTURE_TIMEOUT_MS);
  let editor: vscode.TextEditor;

  before(async () => {
    await connectedAs('admin@contoso.com');
    await cleanWindow();
    await hideSideBar();
    editor = await openExample('intune-helpdesk.pim.yaml');
  });

  after(async () => {
    // The details pane stays open for every later list (VS Code remembers it): closed again, as it was.
    await vscode.commands.executeCommand('toggleSuggestionDetails');
    await vscode.commands.executeCommand('hideSuggestWidget');
    // Back to the example as it is on disk, for the pictures that follow.
    await vscode.window.showTextDocument(editor.document);
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });

  it('offers the tenant’s users after `principal: user:` (picture: tenant-completion)', async () => {
    const from = 'user:lead@contoso.com\n      duration: P180D';
    const at = editor.document.getText().indexOf(from);
    await editor.edit((e) =>
      e.replace(
        new vscode.Range(
          editor.document.positionAt(at),
          editor.document.positionAt(at + 'user:lead@contoso.com'.length),
        ),
        'user:',
      ),
    );
    const cursor = editor.document.positionAt(at + 'user:'.length);
    editor.selection = new vscode.Selection(cursor, cursor);
    await vscode.commands.executeCommand('workbench.action.focusActiveEditorGroup');
    await vscode.commands.executeCommand('editor.action.triggerSuggest');
    await whenVisible('tenant-completion-list', [
      { text: 'user:alice@contoso.com', selector: '.suggest-widget' },
      { text: 'Alice Ward · member', selector: '.suggest-widget' },
      { text: 'user:erin_fabrikam.com', selector: '.suggest-widget' },
    ]);
    // The guest is the sixth user (sorted by UPN): admin, alice, bob, carol, dave, erin.
    for (let i = 0; i < 5; i++) await vscode.commands.executeCommand('selectNextSuggestion');
    await vscode.commands.executeCommand('toggleSuggestionDetails');
    await screenshotMoment('tenant-completion', [
      { text: 'Alice Ward · member', selector: '.suggest-widget' },
      { text: 'Erin Lopez (Fabrikam)', selector: '.suggest-details' },
      { pattern: 'guest user · account enabled', selector: '.suggest-details' },
    ]);
  });
});
