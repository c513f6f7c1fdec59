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
      /remove eligible member user:bob@contoso.com \(until <time[^>]*>[^<]*<\/time>; not in the definitions\) <span class="mark mark-removal">⚠ removal<\/span>/,
    );
    assert.match(result.html, /MFA to activate: off → on/);
    const reveal = /href="command:_pimGroups.revealSource\?([^"]+)"[^>]*>intune-helpdesk.pim.yaml:(\d+)</.exec(
      result.html,
    );
    assert.ok(reveal, 'no link back to the definition');
    const [uri, line] = JSON.parse(decodeURIComponent(decode(reveal[1]))) as [string, number];
    assert.strictEqual(uri, fixture().toString());
    assert.strictEqual(line + 1, Number(reveal[2]));
    assert.match(result.html, /<meta http-equiv="Content-Security-Policy" content="default-src &#39;none&#39;;/);
  });

  it('reads like the CLI plan: the risk summary first, the blast radius, policy changes in words, times in words', async () => {
    const result = await vscode.commands.executeCommand<PreviewResult>('pimGroups.previewChanges', fixture());
    assert.ok(result, JSON.stringify(api.getCommandOutcomes!().slice(-1)));
    const html = decode(result.html);
    // The summary opens the page: the counts, then the removal of bob, linked to its line below.
    const risks = /<section class="risks"[^>]*>(.*?)<\/section>/.exec(html)?.[1];
    assert.ok(risks, 'no risk summary');
    assert.ok(html.indexOf('class="risks"') < html.indexOf('class="group"'), 'the risk summary comes first');
    assert.match(risks, /\d+ to add, \d+ to change, 1 to remove, in 1 group\./);
    assert.match(
      risks,
      /⚠ Removes \(1\)<\/b>.*<a href="#(op-\d+)">PIM-Intune-Helpdesk<\/a>: remove eligible member user:bob@contoso.com/,
    );
    const anchor = /<a href="#(op-\d+)">PIM-Intune-Helpdesk<\/a>: remove/.exec(risks)![1];
    assert.match(html, new RegExp(`<li class="op op-removeAssignment" id="${anchor}"`));
    // The group's blast radius under its heading, as the CLI's "membership grants" line.
    assert.match(html, /<\/h2><p class="grants">Membership grants: Intune role Help Desk Operator/);
    // A policy change in words; the rule id and the YAML field are secondary text only.
    assert.match(
      html,
      /Member policy · what activation requires <code class="secondary">Enablement_EndUser_Assignment<\/code>/,
    );
    assert.match(html, /<li>MFA to activate: off → on <code class="secondary">activation.requireMfa<\/code><\/li>/);
    // Times in words, the exact instant on hover.
    const time = /<time datetime="([^"]+)" title="([^"]+)">(\d{1,2} \w{3} \d{4}, \d\d:\d\d UTC) \((in|[^)]* ago)/.exec(
      html,
    );
    assert.ok(time, 'no instant in words');
    assert.strictEqual(time[1], time[2]);
    const text = html.replace(/<[^>]*>/g, '');
    assert.doesNotMatch(
      text,
      /\d{4}-\d\d-\d\dT\d\d:\d\d/,
      'a raw timestamp in the text (exact instants only on hover)',
    );
    assert.match(html, /for Sandbox · fingerprint/);
    assert.ok(!html.includes(sandboxUrl()!), 'the page names the Sandbox, not its URL');
  });

  it('draws an added binding with the plus sign of the shared symbols table', async () => {
    const uri = workspaceUri('host-preview-binding.pim.yaml');
    await vscode.workspace.fs.writeFile(
      uri,
      Buffer.from(
        [
          'apiVersion: pim-groups/v1',
          'kind: PimGroup',
          'metadata:',
          '  name: host-preview-binding',
          '  useCase: jit-license',
          'group:',
          '  displayName: PIM-Host-Preview-Binding',
          'bindings:',
          '  licenses:',
          '    - sku: FLOW_FREE',
          '',
        ].join('\n'),
        'utf8',
      ),
    );
    try {
      await eventually(
        'the new file to be tracked',
        () =>
          (api as { getTrackedDefinitionFiles?(): string[] })
            .getTrackedDefinitionFiles?.()
            .includes('host-preview-binding.pim.yaml') || undefined,
      );
      await api.whenDefinitionsIdle!();
      const result = await vscode.commands.executeCommand<PreviewResult>('pimGroups.previewChanges', uri);
      assert.ok(result?.summary, JSON.stringify(api.getCommandOutcomes!().slice(-1)));
      const html = decode(result.html);
      const line =
        /<li class="op op-binding"[^>]*><span class="sym" title="(\w+)"[^>]*>([^<]+)<\/span> assign licence FLOW_FREE/.exec(
          html,
        );
      assert.ok(line, 'no licence binding line');
      assert.deepStrictEqual([line[1], line[2]], ['add', '+']);
      assert.match(html, /<p class="grants">Membership grants: licence FLOW_FREE<\/p>/);
    } finally {
      await vscode.workspace.fs.delete(uri).then(undefined, () => undefined);
    }
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
