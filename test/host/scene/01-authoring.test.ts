// Authoring: a duration PIM would refuse, marked while typing, explained in the hover, fixed by a quick fix.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { eventually } from '../suite/extensionUnderTest';
import { parts, screenshotMoment } from '../suite/screenshotMoment';
import { cleanWindow, connectedAs, openExample, PICTURE_TIMEOUT_MS, type SceneApi, showPimSideBar } from './stage';

const ours = (uri: vscode.Uri) => vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'pim-groups');

describe('Authoring a definition', function () {
  this.timeout(PICTURE_TIMEOUT_MS);
  let editor: vscode.TextEditor;
  let error: vscode.Diagnostic;
  let api: SceneApi;

  before(async () => {
    api = await connectedAs('admin@contoso.com');
    await cleanWindow();
    await showPimSideBar();
    editor = await openExample('intune-helpdesk.pim.yaml');
    // The edit a user might make: alice eligible for a year. PIM refuses years in durations.
    const at = editor.document.getText().indexOf('duration: P90D') + 'duration: '.length;
    await editor.edit((e) =>
      e.replace(new vscode.Range(editor.document.positionAt(at), editor.document.positionAt(at + 4)), 'P1Y'),
    );
    error = await eventually('the P1Y error', () =>
      ours(editor.document.uri).find((d) => editor.document.getText(d.range) === 'P1Y'),
    );
    // A hover shows the markers of its moment: wait until validation has settled, or it may drop the finding.
    await api.whenDefinitionsIdle!();
  });

  after(async () => {
    // Back to the example as it is on disk, for the pictures that follow.
    await vscode.commands.executeCommand('hideCodeActionWidget');
    const document = editor.document;
    const at = document.getText().indexOf('duration: P1Y') + 'duration: '.length;
    const undo = new vscode.WorkspaceEdit();
    undo.replace(document.uri, new vscode.Range(document.positionAt(at), document.positionAt(at + 3)), 'P90D');
    assert.ok(await vscode.workspace.applyEdit(undo));
    await document.save();
    await eventually('the error to clear', () => (ours(document.uri).length === 0 ? true : undefined));
  });

  it('marks the refused value, lists it in Problems and explains it in the hover (picture: authoring)', async () => {
    await vscode.commands.executeCommand('workbench.actions.view.problems');
    // The hover opens at the cursor of the focused editor, once the editor has stopped scrolling to it (a scroll
    // closes the hover).
    const at = error.range.start.translate(0, 1);
    await vscode.window.showTextDocument(editor.document, {
      selection: new vscode.Range(at, at),
      preserveFocus: false,
    });
    await new Promise((r) => setTimeout(r, 1000));
    await vscode.commands.executeCommand('workbench.action.focusActiveEditorGroup');
    await vscode.commands.executeCommand('editor.action.showHover');
    // The hover's own line for the value is asserted; the finding's part of the hover (with "Quick Fix…") comes
    // and goes as the hover redraws, so the quick fix has its own picture below.
    await screenshotMoment('authoring', [
      { text: 'P1Y — PIM refuses years in durations', selector: parts.hover },
      { text: "PIM refuses years in durations; write 'P365D' instead of 'P1Y'.", selector: parts.panel },
      { text: '1 error in intune-helpdesk.pim.yaml', selector: parts.sideBar },
    ]);
  });

  it('offers days instead of years as a quick fix (picture: quick-fix)', async () => {
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
      'vscode.executeCodeActionProvider',
      editor.document.uri,
      error.range,
      vscode.CodeActionKind.QuickFix.value,
    );
    const fix = actions.find((a) => a.title.includes('P365D'));
    assert.ok(fix, `offered: ${actions.map((a) => a.title).join(' | ')}`);
    await vscode.commands.executeCommand('editor.action.hideHover');
    await vscode.commands.executeCommand('editor.action.quickFix');
    await screenshotMoment('quick-fix', [{ text: fix.title, selector: '.action-widget' }]);
    await vscode.commands.executeCommand('hideCodeActionWidget');
  });
});
