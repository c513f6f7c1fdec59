// Keeps the DefinitionFileSet current: a workspace scan started by activate() (never awaited), a file watcher,
// and the open editors, whose unsaved text wins over the disk.
import * as vscode from 'vscode';
import { Log } from '../infrastructure/log';
import { DefinitionFileSet, isDefinitionFileName } from './definitionFileSet';
import { DefinitionDiagnostics } from './definitionDiagnostics';
import { admission, DEFINITION_GLOB, SEARCH_EXCLUDE } from './workspaceDefinitions';

const MAX_FILES = 5000;
/** Above this size (characters) a document is re-validated on save, not on every pause in typing: parsing a
 * multi-megabyte file takes seconds and would stall the extension host while the user types. */
export const LIVE_VALIDATION_LIMIT = 1_000_000;
/** Schemes whose documents are the user's files; `git:`, diff and virtual tenant documents are not. */
const FILE_SCHEMES = new Set(['file', 'vscode-remote', 'vscode-vfs', 'untitled']);

export function isDefinitionDocument(document: vscode.TextDocument): boolean {
  if (!FILE_SCHEMES.has(document.uri.scheme)) return false;
  if (isDefinitionFileName(document.uri.path)) return true;
  // An unsaved new definition (e.g. from the New Definition command without a folder) has no file name yet.
  return (
    document.uri.scheme === 'untitled' &&
    document.languageId === 'yaml' &&
    /^apiVersion:\s*pim-groups\//m.test(document.getText())
  );
}

function displayPath(uri: vscode.Uri): string {
  if (uri.scheme === 'untitled') return uri.path;
  return vscode.workspace.asRelativePath(uri, (vscode.workspace.workspaceFolders?.length ?? 0) > 1);
}

export class DefinitionSources implements vscode.Disposable {
  private readonly disposables: vscode.Disposable[] = [];
  private readonly largeFilesSeen = new Set<string>();

  constructor(
    private readonly files: DefinitionFileSet,
    private readonly diagnostics: DefinitionDiagnostics,
    private readonly log: Log,
  ) {
    const watcher = vscode.workspace.createFileSystemWatcher(DEFINITION_GLOB);
    this.disposables.push(
      watcher,
      watcher.onDidCreate((uri) => void this.readFromDisk(uri)),
      watcher.onDidChange((uri) => void this.readFromDisk(uri)),
      watcher.onDidDelete((uri) => this.forget(uri)),
      vscode.workspace.onDidOpenTextDocument((d) => this.track(d)),
      vscode.workspace.onDidChangeTextDocument((e) => this.changed(e.document)),
      vscode.workspace.onDidSaveTextDocument((d) => this.track(d)),
      vscode.workspace.onDidCloseTextDocument((d) => this.untrack(d)),
    );
    for (const document of vscode.workspace.textDocuments) this.track(document);
  }

  /** Finds every definition in the workspace; activate() starts it and does not wait. */
  async scan(): Promise<void> {
    const started = performance.now();
    try {
      const candidates = await vscode.workspace.findFiles(DEFINITION_GLOB, SEARCH_EXCLUDE, MAX_FILES);
      const admitted = await Promise.all(candidates.map((uri) => this.readFromDisk(uri, false)));
      const uris = candidates.filter((_, i) => admitted[i]);
      // A rescan also drops files that went away without a watcher event (open editors keep theirs).
      const found = new Set(uris.map((u) => u.toString()));
      for (const file of this.files.snapshot()) {
        if (file.version === undefined && !found.has(file.key)) this.files.delete(file.key);
      }
      this.log.info(`Found ${uris.length} definition files in ${(performance.now() - started).toFixed(0)} ms`);
      if (uris.length === MAX_FILES) this.log.warn(`Only the first ${MAX_FILES} definition files are validated.`);
    } catch (error) {
      this.log.error('Scanning the workspace for definitions failed', error);
    } finally {
      this.diagnostics.markScanDone();
    }
  }

  dispose(): void {
    for (const d of this.disposables.splice(0)) d.dispose();
  }

  private changed(document: vscode.TextDocument): void {
    // offsetAt(end) is the length without copying a multi-megabyte string on every keystroke.
    const length = document.offsetAt(document.lineAt(document.lineCount - 1).range.end);
    if (length > LIVE_VALIDATION_LIMIT && !document.isUntitled) {
      if (!this.largeFilesSeen.has(document.uri.toString())) {
        this.largeFilesSeen.add(document.uri.toString());
        this.log.info(
          `${displayPath(document.uri)} is larger than ${LIVE_VALIDATION_LIMIT} characters: validated when saved, not while typing`,
        );
      }
      return;
    }
    this.track(document);
  }

  private track(document: vscode.TextDocument): void {
    if (!isDefinitionDocument(document)) {
      // An untitled document that stopped looking like a definition leaves the set.
      if (document.uri.scheme === 'untitled' && this.files.delete(document.uri.toString())) this.diagnostics.schedule();
      return;
    }
    const changed = this.files.setFromEditor(
      document.uri.toString(),
      displayPath(document.uri),
      document.getText(),
      document.version,
    );
    if (changed) this.diagnostics.schedule();
  }

  private untrack(document: vscode.TextDocument): void {
    const key = document.uri.toString();
    if (!this.files.has(key)) return;
    this.files.closeEditor(key);
    // Unsaved edits are gone with the editor: the disk is the truth again (nothing, for a file outside the workspace).
    if (document.uri.scheme === 'untitled' || !vscode.workspace.getWorkspaceFolder(document.uri))
      this.forget(document.uri);
    else void this.readFromDisk(document.uri);
  }

  /** Reads a candidate the definition rule admits; false when it is not a definition of the workspace. */
  private async readFromDisk(uri: vscode.Uri, schedule = true): Promise<boolean> {
    const admitted = await admission(uri);
    if (admitted !== 'definition') {
      if (admitted === 'a link out of its workspace folder')
        this.log.warn(`${displayPath(uri)} is not read: it is ${admitted}.`);
      this.forget(uri);
      return false;
    }
    try {
      const bytes = await vscode.workspace.fs.readFile(uri);
      const changed = this.files.setFromDisk(uri.toString(), displayPath(uri), new TextDecoder('utf-8').decode(bytes));
      if (changed && schedule) this.diagnostics.schedule();
      return true;
    } catch (error) {
      // Deleted between the event and the read: gone. Anything else is an error that names the file.
      if (error instanceof vscode.FileSystemError && error.code === 'FileNotFound')
        this.log.debug(`${displayPath(uri)} is gone`);
      else this.log.error(`Cannot read ${displayPath(uri)}`, error);
      this.forget(uri);
      return false;
    }
  }

  private forget(uri: vscode.Uri): void {
    const key = uri.toString();
    if (this.files.get(key)?.version !== undefined && uri.scheme !== 'untitled') return; // still open: the editor's text stands
    if (this.files.delete(key)) this.diagnostics.schedule();
  }
}
