// The Groups view: the tenant's PIM-enabled groups, a page at a time, optionally filtered by name.
import * as vscode from 'vscode';
import type { PimGroupDefinition } from '../../definitions/model';
import { Connections } from '../common/connection';
import { loadEngine } from '../engine/engineLoader';
import { Log } from '../infrastructure/log';
import { GroupNode, LoadMoreNode } from './groupNodes';
import { GroupsCursor, GroupSummary, firstGroupsPage, nextGroupsPage } from './groupsSource';
import { NodeTreeProvider } from '../common/tree/nodeTreeProvider';
import { MessageNode, TreeNode } from '../common/tree/treeNode';

export const GROUPS_VIEW = 'pimGroups.groups';

interface Loaded {
  groups: GroupSummary[];
  next?: GroupsCursor;
}

export class GroupsTreeProvider extends NodeTreeProvider {
  private loaded: Promise<Loaded> | undefined;
  /** Nodes survive a redraw so an expanded group keeps its details instead of reading them again. */
  private readonly nodes = new Map<string, GroupNode>();
  private filterText: string | undefined;
  pageSize = 50;

  constructor(
    log: Log,
    private readonly connections: Connections,
    /** The definitions that name a group (by id or display name), for "managed in …" and Reveal Definition. */
    private readonly definitions: () => readonly PimGroupDefinition[],
  ) {
    super(log, 'PIM groups');
  }

  get filter(): string | undefined {
    return this.filterText;
  }

  setFilter(text: string | undefined): void {
    this.filterText = text?.trim() || undefined;
    this.refresh();
  }

  protected reset(): void {
    this.loaded = undefined;
    this.nodes.clear();
  }

  /** Redraws from the pages already read (the definitions changed, the tenant did not). */
  refreshLabels(): void {
    this.changed.fire(undefined);
  }

  protected async rootChildren(): Promise<TreeNode[]> {
    if (!this.connections.current()) return []; // the signed-out welcome view shows instead
    this.loaded ??= this.connections
      .transport()
      .then((t) => firstGroupsPage(loadEngine(), t, this.pageSize, this.filterText));
    let loaded: Loaded;
    try {
      loaded = await this.loaded;
    } catch (e) {
      this.loaded = undefined;
      throw e;
    }
    if (!loaded.groups.length && !loaded.next) {
      return [
        new MessageNode(
          this.filterText
            ? `No PIM-enabled group names contain "${this.filterText}"`
            : 'No PIM-enabled groups in this tenant',
          'circle-slash',
        ),
      ];
    }
    const nodes: TreeNode[] = loaded.groups.map((g) => {
      const node = this.nodes.get(g.id) ?? new GroupNode(g, this.connections);
      node.managedBy = this.managingFile(g);
      this.nodes.set(g.id, node);
      return node;
    });
    if (loaded.next) nodes.push(new LoadMoreNode());
    return nodes;
  }

  /** Reads the next page and appends it. */
  async loadMore(): Promise<void> {
    const current = this.loaded && (await this.loaded);
    if (!current?.next) return;
    const t = await this.connections.transport();
    const page = await nextGroupsPage(loadEngine(), t, current.next, this.pageSize);
    this.loaded = Promise.resolve({ groups: [...current.groups, ...page.groups], next: page.next });
    this.changed.fire(undefined);
  }

  definitionOf(groupId: string, displayName: string): PimGroupDefinition | undefined {
    return this.definitions().find((d) =>
      d.group.id
        ? d.group.id.toLowerCase() === groupId.toLowerCase()
        : d.group.displayName.toLowerCase() === displayName.toLowerCase(),
    );
  }

  private managingFile(g: GroupSummary): string | undefined {
    const file = this.definitionOf(g.id, g.displayName)?.source.file;
    return file ? file.split(/[\\/]/).pop() : undefined;
  }
}

export function describeFilter(view: vscode.TreeView<TreeNode>, filter: string | undefined): void {
  view.description = filter ? `filter: ${filter}` : undefined;
  void vscode.commands.executeCommand('setContext', 'pimGroups.groupsFiltered', !!filter);
}
