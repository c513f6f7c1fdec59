// What host tests get for the connection, the Groups and My Access views and activation (merged into the test
// API by testApi.ts). Trees are read through the providers' own getChildren, as VS Code reads them.
import type { ConnectionInfo } from '../common/connection';
import type { ConnectionService } from '../connection/connectionService';
import type { ConnectionStatusBar } from '../connection/connectionStatusBar';
import type { WorkspaceTrustGuard } from '../activation/workspaceTrustGuard';
import type { ElevationStatusBar } from '../myAccess/elevationStatusBar';
import type { GroupsTreeProvider } from '../explorer/groupsTreeProvider';
import type { NodeTreeProvider } from '../common/tree/nodeTreeProvider';
import { TreeItemSnapshot, TreeNode, snapshotOf } from '../common/tree/treeNode';

export type { TreeItemSnapshot };

export interface ViewsTestApi {
  /** The current connection (undefined: signed out). */
  getConnection(): ConnectionInfo | undefined;
  /** The connection status bar item's text ("$(debug-disconnect) PIM: disconnected" after a refusal). */
  getConnectionStatus(): string;
  /** Connects to the sandbox as `upn` (with or without MFA); the views reload. */
  /** `scopes`: a token limited to these delegated scopes (a permission refusal, as a real tenant gives one). */
  setSandboxCaller(upn: string, mfa?: boolean, scopes?: string[]): Promise<ConnectionInfo>;
  /** The children of the element reached by following `labelPath` from the root of view `viewId`. */
  getTreeChildren(viewId: string, labelPath?: string[]): Promise<TreeItemSnapshot[]>;
  /** The element itself (pass it to a context-menu command, as VS Code does). */
  getTreeNode(viewId: string, labelPath: string[]): Promise<unknown>;
  /** Shows the view and reveals (selects, expands) the element at `labelPath`, for screenshots. */
  revealInTree(viewId: string, labelPath: string[], expand?: boolean): Promise<void>;
  /** The labels of the rows of view `viewId` the user opened or closed since the first call, e.g. 'collapsed Eligible'. */
  getExpansionEvents(viewId: string): string[];
  /** Groups per page in the Groups view (default 50). */
  setGroupsPageSize(size: number): void;
  /** Makes the trust guard answer as in an untrusted workspace (the host itself runs trusted). */
  simulateUntrustedWorkspace(untrusted: boolean): void;
  /** The elevation status bar item's text, or undefined when no elevation is active. */
  getElevationStatus(): string | undefined;
  /** The last warning that an elevation is about to end, if any was shown. */
  getElevationWarning(): string | undefined;
}

export interface ViewsTestParts {
  connections: ConnectionService;
  connectionStatus: ConnectionStatusBar;
  providers: Record<string, NodeTreeProvider>;
  groups: GroupsTreeProvider;
  guard: WorkspaceTrustGuard;
  elevation: ElevationStatusBar;
  /** The extension's subscriptions: the listeners this API adds end with the extension. */
  subscriptions: { dispose(): unknown }[];
}

export function createViewsTestApi(p: ViewsTestParts): ViewsTestApi {
  const walk = async (viewId: string, labelPath: string[]): Promise<TreeNode | undefined> => {
    const provider = p.providers[viewId];
    if (!provider) throw new Error(`No tree view ${viewId}; known: ${Object.keys(p.providers).join(', ')}`);
    let node: TreeNode | undefined;
    for (const label of labelPath) {
      const children = await provider.getChildren(node);
      const next = children.find((c) => snapshotOf(c.getTreeItem()).label === label);
      if (!next)
        throw new Error(
          `No "${label}" under ${node ? `"${snapshotOf(node.getTreeItem()).label}"` : 'the root'} of ${viewId}: ${children.map((c) => snapshotOf(c.getTreeItem()).label).join(', ')}`,
        );
      node = next;
    }
    return node;
  };
  const expansions = new Map<string, string[]>();
  const record = (viewId: string, what: string, node: TreeNode) =>
    expansions.get(viewId)!.push(`${what} ${snapshotOf(node.getTreeItem()).label}`);
  return {
    getExpansionEvents: (viewId) => {
      const view = p.providers[viewId]?.view;
      if (view && !expansions.has(viewId)) {
        expansions.set(viewId, []);
        p.subscriptions.push(
          view.onDidExpandElement((e) => record(viewId, 'expanded', e.element)),
          view.onDidCollapseElement((e) => record(viewId, 'collapsed', e.element)),
        );
      }
      return [...(expansions.get(viewId) ?? [])];
    },
    getConnection: () => p.connections.current(),
    getConnectionStatus: () => p.connectionStatus.text,
    setSandboxCaller: (upn, mfa = true, scopes) => p.connections.connectSandbox({ upn, mfa, scopes }),
    getTreeChildren: async (viewId, labelPath = []) => {
      const node = await walk(viewId, labelPath);
      return (await p.providers[viewId].getChildren(node)).map((c) => snapshotOf(c.getTreeItem()));
    },
    getTreeNode: (viewId, labelPath) => walk(viewId, labelPath),
    revealInTree: async (viewId, labelPath, expand = true) => {
      const node = await walk(viewId, labelPath);
      if (node) await p.providers[viewId].view?.reveal(node, { select: true, focus: true, expand });
    },
    setGroupsPageSize: (size) => {
      p.groups.pageSize = size;
      p.groups.refresh();
    },
    simulateUntrustedWorkspace: (untrusted) => {
      p.guard.simulateUntrusted = untrusted;
    },
    getElevationStatus: () => p.elevation.text(),
    getElevationWarning: () => p.elevation.lastWarning,
  };
}
