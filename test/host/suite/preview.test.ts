import * as assert from 'assert';
import * as vscode from 'vscode';
import { eventually, pimGroups, workspaceUri, type PimGroupsTestApi } from './extensionUnderTest';
import { sandboxUrl } from './hostTestSettings';

// Preview Changes against the harness's demo sandbox. The fixture intune-helpdesk.pim.yaml keeps alice (P90D),
// turns MFA on and drops bob, so its plan changes the group, its policy and alice, and removes bob.
interface PreviewResult {
  scope: { file?: string };
  summary?: { add: number; change: number; remove: number; errors: number };
  groups: string[];
  blocked: string[];
  html: string;
}

const decode = (html: string) => html.replace(/&#(\d+);/g, (_, c) => String.fromCharCode(Number(c)));

describe('Preview Changes', function () {
  this.timeout(60000);
  let api: PimGroupsTestApi;
  const fixture = () => workspaceUri('intune-helpdesk.pim.yaml');
  const broken = () => workspaceUri('preview-broken.pim.yaml');

  before(async function () {
    if (!sandboxUrl()) this.skip();
    api = (await pimGroups().activate())!;
    await vscode.commands.executeCommand('pimGroups.useSandbox');
  });
  after(async () => {
    await vscode.workspace.fs.delete(broken()).then(undefined, () => undefined);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it("shows the file's plan: a section per group, risk marks, and links back to the definition's lines", async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(fixture()));
    await api.whenDefinitionsIdle!();
    // "Preview This File" (the editor's title button) means the active editor's file.
    const result = await vscode.commands.executeCommand<PreviewResult>('pimGroups.previewFile');
    assert.ok(result, JSON.stringify(api.getCommandOutcomes!().slice(-1)));
    assert.deepStrictEqual(result.scope, { file: 'intune-helpdesk.pim.yaml' }, "the active editor's file is the scope");
    assert.deepStrictEqual(result.groups, ['intune-helpdesk']);
    assert.strictEqual(result.summary?.remove, 1, JSON.stringify(result.summary));
    assert.strictEqual(result.summary?.errors, 0);

    assert.match(result.html, /<section class="group"><h2>PIM-Intune-Helpdesk <code>intune-helpdesk<\/code>/);
    assert.match(
      result.html,
      /remove eligible member user:bob@contoso.com[^<]*<span class="mark mark-removal">⚠ removal<\/span>/,
    );
    assert.match(result.html, /activation.requireMfa: off → on/);
    const reveal = /href="command:_pimGroups.revealSource\?([^"]+)"[^>]*>intune-helpdesk.pim.yaml:(\d+)</.exec(
      result.html,
    );
    assert.ok(reveal, 'no link back to the definition');
    const [uri, line] = JSON.parse(decodeURIComponent(decode(reveal[1]))) as [string, number];
    assert.strictEqual(uri, fixture().toString());
    assert.strictEqual(line + 1, Number(reveal[2]));
    assert.match(result.html, /<meta http-equiv="Content-Security-Policy" content="default-src &#39;none&#39;;/);
  });

  it("follows a link back to the definition's line", async () => {
    await vscode.commands.executeCommand('_pimGroups.revealSource', fixture().toString(), 12, 6);
    const editor = vscode.window.activeTextEditor;
    assert.strictEqual(editor?.document.uri.toString(), fixture().toString());
    assert.deepStrictEqual([editor.selection.active.line, editor.selection.active.character], [12, 6]);
  });

  it('names a definition with errors, links to Problems, and never plans it', async () => {
    const text = (await vscode.workspace.openTextDocument(fixture()))
      .getText()
      .replace('name: intune-helpdesk', 'name: preview-broken')
      .replace('PIM-Intune-Helpdesk', 'PIM-Preview-Broken')
      .replace('maxDuration: PT4H', 'maxDuration: PT99H');
    // Not opened in an editor: an open document outlives its file, and later suites count the files.
    await vscode.workspace.fs.writeFile(broken(), Buffer.from(text, 'utf8'));
    await eventually(
      'the new file to be validated',
      () =>
        (api as { getTrackedDefinitionFiles?(): string[] })
          .getTrackedDefinitionFiles?.()
          .includes('preview-broken.pim.yaml') || undefined,
    );
    await api.whenDefinitionsIdle!();
    const result = await vscode.commands.executeCommand<PreviewResult>('pimGroups.previewChanges', broken());
    assert.ok(result, JSON.stringify(api.getCommandOutcomes!().slice(-1)));
    assert.deepStrictEqual(result.blocked, ['preview-broken.pim.yaml']);
    assert.deepStrictEqual(result.groups, []);
    assert.match(result.html, /Not planned: definitions with errors/);
    assert.match(result.html, /command:workbench.actions.view.problems/);
  });

  it('means the whole workspace from the palette and the Definitions view title, whatever editor is active', async () => {
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(fixture()));
    const result = await vscode.commands.executeCommand<PreviewResult>('pimGroups.previewChanges');
    assert.ok(result, JSON.stringify(api.getCommandOutcomes!().slice(-1)));
    assert.deepStrictEqual(result.scope, {}, "no argument: the workspace, not the active editor's file");
    assert.ok(result.groups.includes('intune-helpdesk'), result.groups.join(', '));
    const titles = (pimGroups().packageJSON.contributes.menus['view/title'] as { command: string; when: string }[])
      .filter((m) => m.when.includes('pimGroups.definitions'))
      .map((m) => m.command);
    assert.ok(
      titles.includes('pimGroups.previewChanges') && titles.includes('pimGroups.applyChanges'),
      titles.join(', '),
    );
    const editorTitle = (pimGroups().packageJSON.contributes.menus['editor/title'] as { command: string }[]).map(
      (m) => m.command,
    );
    assert.ok(
      editorTitle.includes('pimGroups.previewFile') && !editorTitle.includes('pimGroups.previewChanges'),
      editorTitle.join(', '),
    );
  });

  it('plans the whole workspace when asked, leaving out only the files with errors', async () => {
    const result = await vscode.commands.executeCommand<PreviewResult>('pimGroups.previewChanges', 'workspace');
    assert.ok(result, JSON.stringify(api.getCommandOutcomes!().slice(-1)));
    assert.deepStrictEqual(result.scope, {});
    assert.ok(result.groups.includes('intune-helpdesk'), result.groups.join(', '));
    assert.ok(result.blocked.includes('preview-broken.pim.yaml'), result.blocked.join(', '));
    assert.ok(!result.groups.includes('preview-broken'));
  });
});
