import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { completionsAt, openWorkspaceFile, pimGroups, repoRoot, workspaceUri } from './extensionUnderTest';

interface SnippetFile {
  [name: string]: { prefix: string; body: string[] };
}

const file = JSON.parse(fs.readFileSync(path.join(repoRoot, 'snippets/pim-yaml.json'), 'utf8')) as SnippetFile;
const prefixes = Object.values(file).map((s) => s.prefix);

/** The snippet completions offered at a position of a workspace file with this text. */
async function snippetsOffered(name: string, text: string, position: vscode.Position): Promise<Set<string>> {
  await pimGroups().activate();
  const editor = await openWorkspaceFile(name, text);
  const list = await completionsAt(editor.document.uri, position);
  return new Set(
    list.items
      .filter((item) => item.kind === vscode.CompletionItemKind.Snippet)
      .map((item) => (typeof item.label === 'string' ? item.label : item.label.label)),
  );
}

describe('snippets', () => {
  // The probes are not definitions later suites should see (the Definitions view lists the workspace's files).
  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    for (const name of ['snippets-probe.pim.yaml', 'snippets-nested.pim.yaml'])
      await vscode.workspace.fs.delete(workspaceUri(name)).then(undefined, () => undefined);
  });

  it('are all offered as snippet completions where a *.pim.yaml document starts', async () => {
    const offered = await snippetsOffered('snippets-probe.pim.yaml', 'pim', new vscode.Position(0, 3));
    const missing = prefixes.filter((p) => !offered.has(p));
    assert.deepStrictEqual(missing, [], `not offered: ${missing.join(', ')}; offered: ${[...offered].join(', ')}`);
    console.log(`[pim-host] ${prefixes.length} snippets offered: ${prefixes.join(', ')}`);
  });

  it('are not offered inside a nested mapping (a whole document there would be invalid YAML)', async () => {
    const text = 'apiVersion: pim-groups/v1\nkind: PimGroup\npolicies:\n  member:\n    pim';
    const offered = await snippetsOffered('snippets-nested.pim.yaml', text, new vscode.Position(4, 7));
    const wrong = prefixes.filter((p) => offered.has(p));
    assert.deepStrictEqual(wrong, [], `offered inside policies.member: ${wrong.join(', ')}`);
  });
});
