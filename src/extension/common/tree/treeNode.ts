// The tree elements of the Groups and My Access views: each element owns its TreeItem and its children, and
// children are data only (no prompts or notifications from getChildren). Shared by both views.
import * as vscode from 'vscode';
import { oneSentence } from '../../infrastructure/errors';
import { cannotRead, PERMISSIONS_COMMAND } from '../permissionRefusal';

export interface TreeNode {
  getTreeItem(): vscode.TreeItem;
  getChildren?(): Promise<TreeNode[]>;
  /** Set by the provider when it hands out the element (TreeView.reveal needs getParent). */
  parent?: TreeNode;
}

/** A leaf that only says something ("No PIM-enabled groups match 'fin'"). */
export class MessageNode implements TreeNode {
  parent?: TreeNode;
  constructor(
    private readonly text: string,
    private readonly icon = 'info',
    private readonly description?: string,
  ) {}
  getTreeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(this.text, vscode.TreeItemCollapsibleState.None);
    item.iconPath = new vscode.ThemeIcon(this.icon);
    item.description = this.description;
    item.contextValue = 'pimMessage';
    return item;
  }
}

export const RETRY_COMMAND = '_pimGroups.retryTreeItem';

/** What a failed load becomes: the error in one sentence, with a Retry (click or inline button). */
export class ErrorNode implements TreeNode {
  parent?: TreeNode;
  constructor(
    readonly what: string,
    readonly error: unknown,
    readonly retry: () => void,
  ) {}
  getTreeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(`Could not load ${this.what}`, vscode.TreeItemCollapsibleState.None);
    item.description = oneSentence(this.error);
    item.tooltip = `${oneSentence(this.error)}\nClick to retry; details in PIM Groups: Show Log.`;
    item.iconPath = new vscode.ThemeIcon('error', new vscode.ThemeColor('errorForeground'));
    item.contextValue = 'pimError';
    item.command = { command: RETRY_COMMAND, title: 'Retry', arguments: [this] };
    return item;
  }
}

/**
 * A part the caller may not read: what it is and what to grant, opening Check Tenant Readiness. The rest of the
 * view still shows what can be read.
 */
export class PermissionNode implements TreeNode {
  parent?: TreeNode;
  constructor(
    readonly what: string,
    readonly missing: string,
  ) {}
  getTreeItem(): vscode.TreeItem {
    const words = cannotRead(this.what, this.missing);
    const item = new vscode.TreeItem(words.label, vscode.TreeItemCollapsibleState.None);
    item.description = words.description;
    item.tooltip = [
      `${words.sentence}.`,
      'Click to check the tenant readiness: it compares your token with every permission PIM Groups uses.',
      'The refusal is in PIM Groups: Show Log.',
    ].join('\n');
    item.accessibilityInformation = { label: words.sentence };
    item.iconPath = new vscode.ThemeIcon('lock', new vscode.ThemeColor('list.warningForeground'));
    item.contextValue = 'pimPermission';
    item.command = { command: PERMISSIONS_COMMAND, title: 'Check Tenant Readiness' };
    return item;
  }
}

/** A plain snapshot of a tree item, for host tests and logs. */
export interface TreeItemSnapshot {
  label: string;
  description?: string;
  tooltip?: string;
  contextValue?: string;
  collapsible: boolean;
  command?: string;
  /** What a screen reader says (accessibilityInformation.label), when the item sets it. */
  accessibleName?: string;
}

export function snapshotOf(item: vscode.TreeItem): TreeItemSnapshot {
  const label = typeof item.label === 'string' ? item.label : (item.label?.label ?? '');
  return {
    label,
    description: typeof item.description === 'string' ? item.description : undefined,
    tooltip: typeof item.tooltip === 'string' ? item.tooltip : item.tooltip?.value,
    contextValue: item.contextValue,
    collapsible: item.collapsibleState !== undefined && item.collapsibleState !== vscode.TreeItemCollapsibleState.None,
    command: item.command?.command,
    accessibleName: item.accessibilityInformation?.label,
  };
}
