// Groups view elements: group → Member / Owner → policy summary and assignments (with time left).
import * as vscode from 'vscode';
import type { PimGroupDefinition, Role } from '../../definitions/model';
import type { ActualSchedule } from '../../tenant/actualState';
import { loadEngine } from '../engine/engineLoader';
import type { Connections } from '../common/connection';
import { GroupDetail, GroupSummary, readGroupAsDefinition, readGroupDetail } from './groupsSource';
import { assignmentSettingsInWords, grantsInWords, groupFactsInWords, notificationsInWords } from './groupFactsInWords';
import { SectionNode } from './sectionNode';
import { policySummary } from '../common/policySummary';
import { MessageNode, PermissionNode, TreeNode } from '../common/tree/treeNode';
import { missingGrantOf } from '../common/permissionRefusal';
import { HistoryNode } from './historyNodes';
import { AssignmentGroup, AssignmentNode, displayOf } from './assignmentNode';
import { AssignmentOrigins, readAssignmentOrigins } from './assignmentOrigins';

export const LOAD_MORE_COMMAND = '_pimGroups.loadMoreGroups';

export class GroupNode implements TreeNode {
  parent?: TreeNode;
  private detail: Promise<GroupDetail> | undefined;
  /** Settings and grants as the exporter reads them; a failure here leaves the rest of the group readable. */
  private asDefinition: Promise<PimGroupDefinition | Error> | undefined;
  /** Who assigned each schedule, when and why (schedule requests); never fails, says why when unreadable. */
  private origins: Promise<AssignmentOrigins> | undefined;

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
    this.origins = undefined;
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
    const nameOf = (id: string) => displayOf(detail.directory[id]);
    this.origins ??= this.connections
      .transport()
      .then((t) => readAssignmentOrigins(loadEngine(), t, this.group.id, nameOf))
      .catch((e: unknown) => ({ bySchedule: new Map(), names: new Map(), unreadable: String(e) }));
    const origins = await this.origins;
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
      ...(['member', 'owner'] as Role[]).map(
        (role) =>
          new RoleNode(
            // managedBy is read when an action runs: the definitions may be validated after the group was expanded.
            { groupId: this.group.id, groupName: this.group.displayName, role, managed: () => this.managedBy },
            detail,
            known,
            origins,
          ),
      ),
      grants,
      new SectionNode(`group:${this.group.id}:about`, 'About this group', 'info', groupFactsInWords(detail.group), ''),
      new HistoryNode(this.group.id, this.group.displayName, this.connections),
    ];
  }
}

export class RoleNode implements TreeNode {
  parent?: TreeNode;
  constructor(
    private readonly group: AssignmentGroup,
    private readonly detail: GroupDetail,
    /** The group read as a definition: assignment settings and notifications in the model's terms. */
    private readonly definition?: PimGroupDefinition,
    private readonly origins?: AssignmentOrigins,
  ) {}

  get role(): Role {
    return this.group.role;
  }
  private get groupId(): string {
    return this.group.groupId;
  }

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
      ...schedules.map((s) => new AssignmentNode(s, this.detail.directory[s.principalId], this.group, this.origins)),
      ...unreadable,
      ...(schedules.length || unreadable.length
        ? []
        : [new MessageNode('No eligible or active assignments', 'circle-slash')]),
    ];
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
