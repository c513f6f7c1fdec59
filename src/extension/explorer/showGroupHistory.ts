// PIM Groups: Open History as Table — a group's history of the last 30 days in a Markdown document beside the tree.
import * as vscode from 'vscode';
import type { Connections } from '../common/connection';
import { loadEngine } from '../engine/engineLoader';
import { HISTORY_DAYS } from './historyNodes';
import { historyMarkdown } from './historyTable';

export async function showGroupHistory(
  target: { groupId: string; groupName?: string; displayName?: string },
  connections: Connections,
): Promise<vscode.TextDocument> {
  const t = await connections.transport();
  const history = await loadEngine().governance.readHistory(t, {
    groupIds: [target.groupId],
    sinceMinutes: HISTORY_DAYS * 24 * 60,
  });
  const name = target.groupName ?? target.displayName ?? target.groupId;
  const document = await vscode.workspace.openTextDocument({
    language: 'markdown',
    content: historyMarkdown(name, history),
  });
  await vscode.window.showTextDocument(document, { preview: true, viewColumn: vscode.ViewColumn.Beside });
  return document;
}
