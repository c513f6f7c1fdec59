import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { manifest, openWorkspaceFile, pimGroups, repoRoot } from './extensionUnderTest';

interface SnippetFile {
  [name: string]: { prefix: string | string[]; body: string | string[] };
}

const contributed = manifest.contributes?.snippets ?? [];
const prefixes = contributed.flatMap((s) => {
  const file = JSON.parse(fs.readFileSync(path.join(repoRoot, s.path), 'utf8')) as SnippetFile;
  return Object.values(file).flatMap((snippet) => (Array.isArray(snippet.prefix) ? snippet.prefix : [snippet.prefix]));
});

describe('snippets', () => {
  it('are contributed with pim- prefixes', () => {
    assert.ok(prefixes.length > 0, 'package.json contributes no snippets');
    assert.deepStrictEqual(
      prefixes.filter((p) => !p.startsWith('pim-')),
      [],
    );
  });

  it('are all offered as snippet completions in a *.pim.yaml file', async () => {
    await pimGroups().activate();
    const editor = await openWorkspaceFile('snippets-probe.pim.yaml', 'pim');
    const languages = new Set(contributed.map((s) => s.language));
    assert.ok(
      languages.has(editor.document.languageId),
      `a *.pim.yaml opens as "${editor.document.languageId}", snippets are for ${[...languages].join(', ')}`,
    );
    const list = await vscode.commands.executeCommand<vscode.CompletionList>(
      'vscode.executeCompletionItemProvider',
      editor.document.uri,
      new vscode.Position(0, 3),
    );
    const offered = new Set(
      list.items
        .filter((item) => item.kind === vscode.CompletionItemKind.Snippet)
        .map((item) => (typeof item.label === 'string' ? item.label : item.label.label)),
    );
    const missing = prefixes.filter((p) => !offered.has(p));
    assert.deepStrictEqual(missing, [], `not offered: ${missing.join(', ')}; offered: ${[...offered].join(', ')}`);
    console.log(`[pim-host] ${prefixes.length} snippets offered: ${prefixes.join(', ')}`);
  });
});
