// The History node under each group in the Groups view: the group's PIM events of the last 30 days (activations,
// deactivations, assignments, removals, approvals, expiries), newest first, read on expand through the engine's
// governance module (schedule requests and, where readable, the audit log). Open as Table shows them all.
import * as vscode from 'vscode';
import type { HistoryEvent } from '../../governance/historyEvent';
import { escapeControl } from '../../text/escape';
import type { Connections } from '../common/connection';
import { MessageNode, TreeNode } from '../common/tree/treeNode';
import { loadEngine } from '../engine/engineLoader';

export const HISTORY_DAYS = 30;
/** The tree shows the newest events; the table shows every one. */
const SHOWN = 50;
export const SHOW_HISTORY_COMMAND = 'pimGroups.showGroupHistory';

export class HistoryNode implements TreeNode {
  parent?: TreeNode;
  constructor(
    readonly groupId: string,
    readonly groupName: string,
    private readonly connections: Connections,
  ) {}

  getTreeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem('History', vscode.TreeItemCollapsibleState.Collapsed);
    item.id = `group:${this.groupId}:history`;
    item.description = `last ${HISTORY_DAYS} days`;
    item.tooltip = 'Activations, assignments, approvals and expiries of this group (Open as Table shows them all)';
    item.iconPath = new vscode.ThemeIcon('history');
    item.contextValue = 'pimGroupHistory';
    return item;
  }

  async getChildren(): Promise<TreeNode[]> {
    const t = await this.connections.transport();
    const history = await loadEngine().governance.readHistory(t, {
      groupIds: [this.groupId],
      sinceMinutes: HISTORY_DAYS * 24 * 60,
    });
    const nodes: TreeNode[] = history.events.slice(0, SHOWN).map((e) => new HistoryEventNode(e));
    if (!history.events.length) nodes.push(new MessageNode(`Nothing in the last ${HISTORY_DAYS} days`, 'circle-slash'));
    if (history.events.length > SHOWN)
      nodes.push(new MessageNode(`${history.events.length - SHOWN} older events: Open as Table`, 'ellipsis'));
    if (history.auditLog !== 'read')
      nodes.push(new MessageNode('Audit log not readable: expiries are not shown', 'info', 'needs AuditLog.Read.All'));
    return nodes;
  }
}

export class HistoryEventNode implements TreeNode {
  parent?: TreeNode;
  constructor(readonly event: HistoryEvent) {}

  getTreeItem(): vscode.TreeItem {
    const e = this.event;
    const item = new vscode.TreeItem(`${e.action} · ${escapeControl(e.principalName)}`);
    const length = e.duration ?? (e.end ? `until ${e.end.slice(0, 16).replace('T', ' ')}` : '');
    item.description = [e.at.slice(0, 16).replace('T', ' '), e.kind, e.role, length, e.outcome]
      .filter(Boolean)
      .join(' · ');
    item.tooltip = [
      `${e.action} (${e.kind} ${e.role}) of ${e.principalName}${e.byName && e.byId !== e.principalId ? ` by ${e.byName}` : ''}`,
      `at ${e.at}; ${e.outcome}`,
      e.justification ? `Justification: ${e.justification}` : '',
      e.ticket ? `Ticket: ${[e.ticket.system, e.ticket.number].filter(Boolean).join(':')}` : '',
    ]
      .filter(Boolean)
      .map(escapeControl)
      .join('\n');
    item.iconPath = new vscode.ThemeIcon(ICONS[e.action] ?? 'circle-small');
    item.contextValue = `pimHistoryEvent ${e.action}`;
    return item;
  }
}

const ICONS: Partial<Record<HistoryEvent['action'], string>> = {
  activate: 'play',
  deactivate: 'debug-stop',
  expire: 'watch',
  approve: 'check',
  deny: 'close',
  assign: 'add',
  remove: 'remove',
};
