import * as assert from 'assert';
import * as vscode from 'vscode';
import * as fs from 'fs';
import * as path from 'path';
import { lineOf, openWorkspaceFile, pimGroups, repoRoot, workspaceUri } from './extensionUnderTest';

const hoverText = (hovers: vscode.Hover[]) =>
  hovers
    .flatMap((h) => h.contents)
    .map((c) => (typeof c === 'string' ? c : 'value' in c ? c.value : ''))
    .join('\n');

async function hoverUntil(uri: vscode.Uri, position: vscode.Position, pattern: RegExp): Promise<string> {
  const deadline = Date.now() + 15000;
  for (;;) {
    const text = hoverText(
      await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, position),
    );
    if (pattern.test(text)) return text;
    if (Date.now() > deadline)
      throw new Error(`no hover matching ${pattern} at ${position.line}:${position.character}; last: ${text}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

describe('hovers on what membership grants', () => {
  it("show the group's blast radius on group.displayName and the grant of a binding on its line", async () => {
    const api = await pimGroups().activate();
    const document = await vscode.workspace.openTextDocument(workspaceUri('intune-helpdesk.pim.yaml'));
    await vscode.window.showTextDocument(document);
    await api?.whenDefinitionsIdle?.();
    const name = lineOf(document, 'displayName: PIM-Intune-Helpdesk');
    const radius = await hoverUntil(document.uri, new vscode.Position(name, 18), /membership grants/);
    assert.match(radius, /Intune role \*\*Help Desk Operator\*\*/);
    const role = lineOf(document, 'role: Help Desk Operator');
    const grant = await hoverUntil(document.uri, new vscode.Position(role, 12), /^Membership grants Intune role/m);
    assert.match(grant, /scope tags Default/);
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
  });

  it('show a directory role in the blast radius, marked privileged, and its grant on the role line', async () => {
    const api = await pimGroups().activate();
    // The tier-0 example as shipped (the fixture workspace does not carry it; other tests count its files).
    const text = fs.readFileSync(path.join(repoRoot, 'examples', 'tier0-helpdesk-admins.pim.yaml'), 'utf8');
    const editor = await openWorkspaceFile('tier0-hover.pim.yaml', text);
    const document = editor.document;
    await api?.whenDefinitionsIdle?.();
    const name = lineOf(document, 'displayName: PIM-Tier0-Helpdesk-Admins');
    const radius = await hoverUntil(document.uri, new vscode.Position(name, 18), /membership grants/);
    assert.match(radius, /Microsoft Entra role \*\*Helpdesk Administrator\*\* on the whole directory — ⚠ privileged/);
    const role = lineOf(document, 'role: Helpdesk Administrator');
    const grant = await hoverUntil(
      document.uri,
      new vscode.Position(role, 14),
      /^Membership grants Microsoft Entra role/m,
    );
    assert.match(grant, /Helpdesk Administrator\*\* on the whole directory/);
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    await vscode.workspace.fs.delete(document.uri);
  });
});
