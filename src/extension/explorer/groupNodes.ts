// Groups view elements: group → Member / Owner → policy summary and assignments (with time left).
import * as vscode from 'vscode';
import type { PimGroupDefinition, Role } from '../../definitions/model';
import type { ActualPrincipal, ActualSchedule } from '../../tenant/actualState';
import { loadEngine } from '../engine/engineLoader';
import type { Connections } from '../common/connection';
import { GroupDetail, GroupSummary, readGroupAsDefinition, readGroupDetail } from './groupsSource';
import { assignmentSettingsInWords, grantsInWords, groupFactsInWords, notificationsInWords } from './groupFactsInWords';
import { SectionNode } from './sectionNode';
import { policySummary } from '../common/policySummary';
import { startsIn, timeLeft } from '../../time';
import { MessageNode, PermissionNode, TreeNode } from '../common/tree/treeNode';
import { missingGrantOf } from '../common/permissionRefusal';
import { HistoryNode } from './historyNodes';
import { ENDING_SOON_ADVICE, endingSoon } from '../common/endingSoon';

export const LOAD_MORE_COMMAND = '_pimGroups.loadMoreGroups';

export class GroupNode implements TreeNode {
  parent?: TreeNode;
  private detail: Promise<GroupDetail> | undefined;
  /** Settings and grants as the exporter reads them; a failure here leaves the rest of the group readable. */
  private asDefinition: Promise<PimGroupDefinition | Error> | undefined;

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
    this.asDefinition = undefined;
  }

  async getChildren(): Promise<TreeNode[]> {
    this.detail ??= this.connections.transport().then((t) => readGroupDetail(loadEngine(), t, this.group));
    this.asDefinition ??= this.connections
      .transport()
      .then((t) => readGroupAsDefinition(loadEngine(), t, this.group))
      .catch((e: unknown) => (e instanceof Error ? e : new Error(String(e))));
    let detail: GroupDetail;
    try {
      detail = await this.detail;
    } catch (e) {
      this.detail = undefined;
      throw e;
    }
    const definition = await this.asDefinition;
    const known = definition instanceof Error ? undefined : definition;
    const missing = missingGrantOf(definition);
    const grants = missing
      ? new PermissionNode('what the group grants', missing)
      : definition instanceof Error
        ? new MessageNode(`What the group grants could not be read: ${definition.message}`, 'warning')
        : new SectionNode(
            `group:${this.group.id}:grants`,
            'Grants',
            'gift',
            grantsInWords(definition.bindings),
            'nothing besides membership',
          );
    return [
      ...(['member', 'owner'] as Role[]).map((role) => new RoleNode(this.group.id, role, detail, known)),
      grants,
      new SectionNode(`group:${this.group.id}:about`, 'About this group', 'info', groupFactsInWords(detail.group), ''),
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
    /** The group read as a definition: assignment settings and notifications in the model's terms. */
    private readonly definition?: PimGroupDefinition,
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
    // A kind the caller may not read is not "0": its count is unknown.
    const count = (kind: 'eligible' | 'active') =>
      `${this.detail.group.refused?.[kind] ? '?' : s.filter((x) => x.kind === kind).length} ${kind}`;
    item.description = `${count('eligible')} · ${count('active')}`;
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
    const rolePolicy = this.definition?.policies[this.role];
    // Parts the caller may not read say what to grant; the rest of the role still shows.
    const refused = this.detail.group.refused ?? {};
    const unreadable = (['eligible', 'active'] as const).flatMap((k) => {
      const r = refused[k];
      return r ? [new PermissionNode(`${k} assignments`, r.missing)] : [];
    });
    return [
      refused.policies
        ? new PermissionNode(`the ${this.role} policy`, refused.policies.missing)
        : new MessageNode(summary, 'shield'),
      ...assignmentSettingsInWords(rolePolicy).map((line) => new MessageNode(line, 'calendar')),
      ...(this.definition ? [new MessageNode(notificationsInWords(rolePolicy?.notifications), 'bell')] : []),
      ...schedules.map((s) => new AssignmentNode(s, this.detail.directory[s.principalId])),
      ...unreadable,
      ...(schedules.length || unreadable.length
        ? []
        : [new MessageNode('No eligible or active assignments', 'circle-slash')]),
    ];
  }
}

export class AssignmentNode implements TreeNode {
  parent?: TreeNode;
  constructor(
    readonly schedule: ActualSchedule,
    private readonly principal: ActualPrincipal | undefined,
  ) {}

  get principalInfo(): ActualPrincipal | undefined {
    return this.principal;
  }

  getTreeItem(): vscode.TreeItem {
    const s = this.schedule;
    const name = displayOf(this.principal) ?? s.principalId;
    const item = new vscode.TreeItem(name, vscode.TreeItemCollapsibleState.None);
    const expired = !!s.end && Date.parse(s.end) <= Date.now();
    const when = expired ? 'expired' : (startsIn(s.start) ?? timeLeft(s.end));
    const how = s.kind === 'active' && s.assignmentType?.toLowerCase() === 'activated' ? 'activated' : s.kind;
    const soon = expired ? undefined : endingSoon(s.end);
    item.description = `${how} · ${soon ?? when}`;
    item.tooltip = [
      `${this.principal?.ref ?? name} (${this.principal?.kind ?? 'principal'} ${s.principalId})`,
      `${how}${expired ? ', expired' : ''}`,
      s.start ? `Starts ${exactTime(s.start)}` : undefined,
      s.end ? `${expired ? 'Ended' : 'Ends'} ${exactTime(s.end)}` : 'Permanent: no end date',
      s.memberType && s.memberType.toLowerCase() !== 'direct' ? `Through ${s.memberType.toLowerCase()}` : undefined,
      soon ? `${soon}: ${ENDING_SOON_ADVICE}` : undefined,
    ]
      .filter(Boolean)
      .join('\n');
    item.iconPath = soon
      ? new vscode.ThemeIcon('warning', new vscode.ThemeColor('list.warningForeground'))
      : new vscode.ThemeIcon(expired ? 'history' : s.kind === 'eligible' ? 'circle-outline' : 'pass-filled');
    item.contextValue = `pimAssignment ${s.kind}${expired ? ' expired' : ''}${soon ? ' endingSoon' : ''} ${this.principal?.kind ?? 'principal'}`;
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

/** The principal's object id (Copy Object Id) and, for a user, the UPN (Copy User Principal Name). */
export function principalIdsOf(node: AssignmentNode): { id: string; upn?: string } {
  const p = node.principalInfo;
  return { id: node.schedule.principalId, upn: p?.kind === 'user' ? p.ref.replace(/^user:/, '') : undefined };
}

/** An exact instant in the reader's locale and zone, with the ISO text for support. */
function exactTime(iso: string): string {
  const t = Date.parse(iso);
  return Number.isNaN(t) ? iso : `${new Date(t).toLocaleString()} (${iso})`;
}

/** Display name, else how definitions name it (user:UPN, sp:appId). */
function displayOf(p: ActualPrincipal | undefined): string | undefined {
  if (!p) return undefined;
  return p.displayName ?? p.ref.replace(/^(user|group|sp):/, '');
}
