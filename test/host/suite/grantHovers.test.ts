import * as assert from 'assert';
import * as vscode from 'vscode';
import { pimGroups, workspaceUri } from './extensionUnderTest';

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
    const lineOf = (needle: string) =>
      document
        .getText()
        .split('\n')
        .findIndex((l) => l.includes(needle));
    const name = lineOf('displayName: PIM-Intune-Helpdesk');
    const radius = await hoverUntil(document.uri, new vscode.Position(name, 18), /membership grants/);
    assert.match(radius, /Intune role \*\*Help Desk Operator\*\*/);
    const role = lineOf('role: Help Desk Operator');
    const grant = await hoverUntil(document.uri, new vscode.Position(role, 12), /^Membership grants Intune role/m);
    assert.match(grant, /scope tags Default/);
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
  });
});
