// Definition files are named by their workspace-relative path in findings, sources and plans (as
// definitions/definitionSources.ts names them); links in the preview need the URI back.
import * as vscode from 'vscode';

export function definitionPathOf(uri: vscode.Uri): string {
  if (uri.scheme === 'untitled') return uri.path;
  return vscode.workspace.asRelativePath(uri, (vscode.workspace.workspaceFolders?.length ?? 0) > 1);
}

/** Path → URI string of every validated definition file (`keys` are the URI strings the definitions feature tracks). */
export function definitionUris(keys: Iterable<string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const key of keys) out[definitionPathOf(vscode.Uri.parse(key))] = key;
  return out;
}
