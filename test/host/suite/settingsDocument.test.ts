import * as assert from 'assert';
import * as vscode from 'vscode';
import {
  completionLabels,
  completionsAt,
  eventually,
  openWorkspaceFile,
  pimGroups,
  workspaceUri,
} from './extensionUnderTest';

// The workspace's Settings document (protected principals) is a kind of its own: the editor validates it, outlines
// it and offers its keys, beside the groups and templates, without taking it for either. Removed afterwards.
const FILE = 'settings-host.pim.yaml';
const SETTINGS = [
  'apiVersion: pim-groups/v1',
  'kind: Settings',
  'protectedPrincipals:',
  '  - breakglass@contoso.com',
  '',
].join('\n');

const ours = (uri: vscode.Uri) => vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'pim-groups');
const codeOf = (d: vscode.Diagnostic) => String(typeof d.code === 'object' ? d.code.value : d.code);

describe('the Settings document in the editor', () => {
  let document: vscode.TextDocument;

  before(async () => {
    await pimGroups().activate();
    document = (await openWorkspaceFile(FILE, SETTINGS)).document;
    await pimGroups().exports?.whenDefinitionsIdle?.();
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.workspace.fs.delete(workspaceUri(FILE)).then(
      () => undefined,
      () => undefined,
    );
  });

  it('is validated: an entry without a prefix is PIM042 on that entry, and nothing else is reported', async () => {
    const found = await eventually('PIM042 on the protected principal', () => {
      const d = ours(document.uri);
      return d.some((x) => codeOf(x) === 'PIM042') ? d : undefined;
    });
    assert.deepStrictEqual(
      found.map((d) => `${codeOf(d)} ${document.getText(d.range)}`),
      ['PIM042 breakglass@contoso.com'],
    );
  });

  it('is outlined by its kind, with its protected principals', async () => {
    const symbols = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>(
      'vscode.executeDocumentSymbolProvider',
      document.uri,
    );
    assert.deepStrictEqual(
      symbols.map((s) => `${s.name} (${s.detail})`),
      ['Settings (Settings)'],
    );
    assert.deepStrictEqual(
      symbols[0].children.map((c) => c.name),
      ['protectedPrincipals'],
    );
  });

  it('offers its own keys from the schema', async () => {
    const labels = completionLabels(await completionsAt(document.uri, new vscode.Position(4, 0)));
    assert.ok(labels.includes('metadata'), labels.join(', '));
    assert.ok(!labels.includes('group') && !labels.includes('policy'), labels.join(', '));
  });
});
