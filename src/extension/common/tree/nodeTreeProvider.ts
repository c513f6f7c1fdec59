// A TreeDataProvider over TreeNode elements: a failed getChildren becomes an ErrorNode with a Retry instead of
// a silently empty tree, or, refused for want of a permission, a PermissionNode saying what to grant. Views subclass it for their root.
import * as vscode from 'vscode';
import { Log } from '../../infrastructure/log';
import { missingGrantOf } from '../permissionRefusal';
import { ErrorNode, PermissionNode, TreeNode } from './treeNode';

export abstract class NodeTreeProvider implements vscode.TreeDataProvider<TreeNode>, vscode.Disposable {
  protected readonly changed = new vscode.EventEmitter<TreeNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  /** The view showing this tree (set by the feature's register function). */
  view: vscode.TreeView<TreeNode> | undefined;

  constructor(
    protected readonly log: Log,
    private readonly what: string,
  ) {}

  protected abstract rootChildren(): Promise<TreeNode[]>;
  /** Forget cached data so that the next getChildren reads again. */
  protected abstract reset(): void;

  getTreeItem(node: TreeNode): vscode.TreeItem {
    return node.getTreeItem();
  }

  getParent(node: TreeNode): TreeNode | undefined {
    return node.parent;
  }

  async getChildren(node?: TreeNode): Promise<TreeNode[]> {
    const children = await this.readChildren(node);
    for (const child of children) child.parent = node;
    return children;
  }

  private async readChildren(node?: TreeNode): Promise<TreeNode[]> {
    try {
      return node ? ((await node.getChildren?.()) ?? []) : await this.rootChildren();
    } catch (error) {
      this.log.error(`Could not load ${this.what}`, error);
      const missing = missingGrantOf(error);
      if (missing) return [new PermissionNode(this.what, missing)];
      const parent = node;
      return [
        new ErrorNode(this.what, error, () => {
          if (parent && 'reset' in parent && typeof (parent as { reset?: unknown }).reset === 'function')
            (parent as unknown as { reset(): void }).reset();
          else this.reset();
          this.changed.fire(parent);
        }),
      ];
    }
  }

  /** Redraws without forgetting data (the data source changed by itself). */
  redraw(): void {
    this.changed.fire(undefined);
  }

  refresh(node?: TreeNode): void {
    if (!node) this.reset();
    this.changed.fire(node);
  }

  dispose(): void {
    this.changed.dispose();
  }
}
