// The extension as the host sees it: found by the id its own package.json declares, never a hard-coded copy.
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';

/** This file runs as out/test/host/suite/extensionUnderTest.js. */
export const repoRoot = path.resolve(__dirname, '..', '..', '..', '..');

export interface Manifest {
  name: string;
  publisher: string;
  activationEvents?: string[];
  contributes?: {
    commands?: Array<{ command: string; title: string }>;
    snippets?: Array<{ language: string; path: string }>;
    yamlValidation?: Array<{ fileMatch: string | string[]; url: string }>;
    languages?: Array<{ id: string; extensions?: string[]; filenamePatterns?: string[] }>;
  };
}

/**
 * What activate() returns for host tests (src/extension/testMode/testApi.ts), declared here as the suite uses it: the
 * suite runs against the built dist/extension.js, so it must not import the extension's sources.
 */
export interface PimGroupsTestApi {
  getActivationMs?(): number;
  setPromptAnswers?(
    answers: Array<
      | { pick: string | number; expect?: string }
      | { input: string; expect?: string }
      | { confirm: boolean; expect?: string }
      | { cancel: true; expect?: string }
    >,
  ): void;
  getUnusedPromptAnswers?(): unknown[];
  useRealPrompts?(): void;
  getCommandOutcomes?(): Array<{
    id: string;
    outcome: 'succeeded' | 'cancelled' | 'failed';
    durationMs: number;
    error?: string;
  }>;
  whenDefinitionsIdle?(): Promise<void>;
  getTrackedDefinitionFiles?(): string[];
}

export const manifest: Manifest = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as Manifest;
export const extensionId = `${manifest.publisher}.${manifest.name}`;

export function pimGroups(): vscode.Extension<PimGroupsTestApi | undefined> {
  const ext = vscode.extensions.getExtension<PimGroupsTestApi | undefined>(extensionId);
  if (!ext) throw new Error(`extension ${extensionId} is not loaded in this host`);
  return ext;
}

/** The number of the first line of `document` that contains `needle` (-1 when none does). */
export function lineOf(document: vscode.TextDocument, needle: string): number {
  return document
    .getText()
    .split('\n')
    .findIndex((l) => l.includes(needle));
}

/** What the completion providers offer at `position` of the document at `uri`, as the editor asks them. */
export function completionsAt(uri: vscode.Uri, position: vscode.Position): Thenable<vscode.CompletionList> {
  return vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', uri, position);
}

/** What completion offers with the cursor on the first character of `word`, in the first line containing `needle`. */
export function completionsAtWord(
  document: vscode.TextDocument,
  needle: string,
  word: string,
): Thenable<vscode.CompletionList> {
  const line = lineOf(document, needle);
  return completionsAt(document.uri, new vscode.Position(line, document.lineAt(line).text.indexOf(word)));
}

/** The labels a completion list shows (a label may be a string or { label, description }). */
export function completionLabels(list: vscode.CompletionList): string[] {
  return list.items.map((i) => (typeof i.label === 'string' ? i.label : i.label.label));
}

export function workspaceUri(...segments: string[]): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('the host opened no workspace folder');
  return vscode.Uri.joinPath(folder.uri, ...segments);
}

/** Writes a file into the (throw-away) workspace copy and opens it in an editor. */
export async function openWorkspaceFile(name: string, text: string): Promise<vscode.TextEditor> {
  const uri = workspaceUri(name);
  await vscode.workspace.fs.writeFile(uri, Buffer.from(text, 'utf8'));
  const document = await vscode.workspace.openTextDocument(uri);
  return vscode.window.showTextDocument(document);
}

/** Polls until `probe` returns a value that is not undefined; fails with `what` after `ms`. */
export async function eventually<T>(what: string, probe: () => T | undefined, ms = 15000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${ms} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
