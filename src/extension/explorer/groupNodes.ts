// Groups view elements: group → Member / Owner → policy summary and assignments (with time left).
import * as vscode from 'vscode';
import type { Role } from '../../definitions/model';
import type { ActualPrincipal, ActualSchedule } from '../../tenant/actualState';
import { loadEngine } from '../engine/engineLoader';
import type { Connections } from '../common/connection';
import { GroupDetail, GroupSummary, readGroupDetail } from './groupsSource';
import { policySummary } from '../common/policySummary';
import { startsIn, timeLeft } from '../common/timeInWords';
import { MessageNode, TreeNode } from '../common/tree/treeNode';
import { HistoryNode } from './historyNodes';
import { ENDING_SOON_ADVICE, endingSoon } from '../common/endingSoon';

export const LOAD_MORE_COMMAND = '_pimGroups.loadMoreGroups';

export class GroupNode implements TreeNode {
  parent?: TreeNode;
  private detail: Promise<GroupDetail> | undefined;

  /** The workspace definition file that manages this group, when one does. */
  managedBy: string | undefined;

  constructor(
    readonly group: GroupSummary,
    private readonly connections: Connections,
  ) {}

  get groupId(): string {
    return this.group.id;
  }
  get displayName(): string {
    return this.group.displayName;
  }

  getTreeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(this.group.displayName, vscode.TreeItemCollapsibleState.Collapsed);
    item.id = `group:${this.group.id}`;
    item.description = this.managedBy ? `managed in ${this.managedBy}` : undefined;
    item.tooltip = [this.group.displayName, this.group.description, `Object id: ${this.group.id}`]
      .filter(Boolean)
      .join('\n');
    item.iconPath = new vscode.ThemeIcon('organization');
    item.contextValue = this.managedBy ? 'pimGroup managed' : 'pimGroup';
    return item;
  }

  reset(): void {
    this.detail = undefined;
  }

  async getChildren(): Promise<TreeNode[]> {
    this.detail ??= this.connections.transport().then((t) => readGroupDetail(loadEngine(), t, this.group));
    let detail: GroupDetail;
    try {
      detail = await this.detail;
    } catch (e) {
      this.detail = undefined;
      throw e;
    }
    return [
      ...(['member', 'owner'] as Role[]).map((role) => new RoleNode(this.group.id, role, detail)),
      new HistoryNode(this.group.id, this.group.displayName, this.connections),
    ];
  }
}

export class RoleNode implements TreeNode {
  parent?: TreeNode;
  constructor(
    private readonly groupId: string,
    readonly role: Role,
    private readonly detail: GroupDetail,
  ) {}

  private schedules(): ActualSchedule[] {
    return this.detail.group.schedules.filter((s) => s.role === this.role);
  }

  getTreeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(
      this.role === 'member' ? 'Member' : 'Owner',
      vscode.TreeItemCollapsibleState.Collapsed,
    );
    item.id = `group:${this.groupId}:${this.role}`;
    const s = this.schedules();
    const eligible = s.filter((x) => x.kind === 'eligible').length;
    const active = s.filter((x) => x.kind === 'active').length;
    item.description = `${eligible} eligible · ${active} active`;
    item.iconPath = new vscode.ThemeIcon(this.role === 'member' ? 'person' : 'key');
    item.contextValue = 'pimGroupRole';
    return item;
  }

  async getChildren(): Promise<TreeNode[]> {
    const policy = this.detail.group.policies[this.role];
    const nameOf = (id: string) => displayOf(this.detail.directory[id]);
    const summary = policy
      ? policySummary(loadEngine().activation.activationRequirements(policy.rules), nameOf)
      : 'No policy found for this role';
    const schedules = this.schedules().sort(
      (a, b) =>
        a.kind.localeCompare(b.kind) || (nameOf(a.principalId) ?? '').localeCompare(nameOf(b.principalId) ?? ''),
    );
    return [
      new MessageNode(summary, 'shield'),
      ...schedules.map((s) => new AssignmentNode(s, this.detail.directory[s.principalId])),
      ...(schedules.length ? [] : [new MessageNode('No eligible or active assignments', 'circle-slash')]),
    ];
  }
}

export class AssignmentNode implements TreeNode {
  parent?: TreeNode;
  constructor(
    readonly schedule: ActualSchedule,
    private readonly principal: ActualPrincipal | undefined,
  ) {}

  getTreeItem(): vscode.TreeItem {
    const s = this.schedule;
    const name = displayOf(this.principal) ?? s.principalId;
    const item = new vscode.TreeItem(name, vscode.TreeItemCollapsibleState.None);
    const when = startsIn(s.start) ?? timeLeft(s.end);
    const how = s.kind === 'active' && s.assignmentType?.toLowerCase() === 'activated' ? 'activated' : s.kind;
    const soon = endingSoon(s.end);
    item.description = `${how} · ${soon ?? when}`;
    item.tooltip = `${this.principal?.ref ?? name} (${this.principal?.kind ?? 'principal'} ${s.principalId})\n${how}${s.start ? ` from ${s.start}` : ''}${s.end ? ` until ${s.end}` : ', permanent'}${soon ? `\n${soon}: ${ENDING_SOON_ADVICE}` : ''}`;
    item.iconPath = soon
      ? new vscode.ThemeIcon('warning', new vscode.ThemeColor('list.warningForeground'))
      : new vscode.ThemeIcon(s.kind === 'eligible' ? 'circle-outline' : 'pass-filled');
    item.contextValue = `pimAssignment ${s.kind}${soon ? ' endingSoon' : ''}`;
    return item;
  }
}

export class LoadMoreNode implements TreeNode {
  parent?: TreeNode;
  getTreeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem('Load more…', vscode.TreeItemCollapsibleState.None);
    item.iconPath = new vscode.ThemeIcon('ellipsis');
    item.contextValue = 'pimLoadMore';
    item.command = { command: LOAD_MORE_COMMAND, title: 'Load more' };
    return item;
  }
}

/** Display name, else how definitions name it (user:UPN, sp:appId). */
function displayOf(p: ActualPrincipal | undefined): string | undefined {
  if (!p) return undefined;
  return p.displayName ?? p.ref.replace(/^(user|group|sp):/, '');
}
