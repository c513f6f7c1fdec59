// The editor's side of the one definition-file rule (src/definitions/discovery.ts): VS Code finds and watches the
// candidates; each is admitted only if the rule says it is a definition of its workspace folder, a link included
// only when it resolves inside that folder (as for validate, plan and apply on the command line).
import { promises as fs } from 'node:fs';
import * as vscode from 'vscode';
import { isDefinitionPath, isInside } from '../../definitions/discovery';

/** What VS Code searches and watches; the rule below then decides. */
export const DEFINITION_GLOB = '**/*.pim.{yaml,yml}';
export const SEARCH_EXCLUDE = '**/{node_modules,.*}/**';

export type Admission = 'definition' | 'not a definition' | 'a link out of its workspace folder' | 'gone';

export async function admission(uri: vscode.Uri): Promise<Admission> {
  const folder = vscode.workspace.getWorkspaceFolder(uri);
  if (!folder) return 'not a definition';
  const relative = uri.path.slice(folder.uri.path.replace(/\/+$/, '').length + 1);
  if (!isDefinitionPath(relative)) return 'not a definition';
  if (uri.scheme !== 'file') return 'definition'; // a virtual file system has no links leading out of it
  try {
    const [real, root] = await Promise.all([fs.realpath(uri.fsPath), fs.realpath(folder.uri.fsPath)]);
    return isInside(real, root) ? 'definition' : 'a link out of its workspace folder';
  } catch {
    return 'gone'; // deleted, or a broken link
  }
}
