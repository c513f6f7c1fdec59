// A collapsible heading with lines under it ("Grants", "About this group"): facts shown as the portal lists them.
import * as vscode from 'vscode';
import { MessageNode, TreeNode } from '../common/tree/treeNode';

export class SectionNode implements TreeNode {
  parent?: TreeNode;
  constructor(
    private readonly id: string,
    private readonly title: string,
    private readonly icon: string,
    private readonly lines: readonly string[],
    private readonly empty: string,
  ) {}

  getTreeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(this.title, vscode.TreeItemCollapsibleState.Collapsed);
    item.id = this.id;
    item.iconPath = new vscode.ThemeIcon(this.icon);
    item.description = this.lines.length ? `${this.lines.length}` : this.empty;
    item.contextValue = 'pimSection';
    return item;
  }

  async getChildren(): Promise<TreeNode[]> {
    return this.lines.length
      ? this.lines.map((l) => new MessageNode(l, 'dash'))
      : [new MessageNode(this.empty, 'dash')];
  }
}
