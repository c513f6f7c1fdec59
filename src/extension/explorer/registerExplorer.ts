// The Groups view and its commands: Refresh, Filter, Load more, Export as Definition, Open in Entra Admin Center,
// Reveal Definition (and the context entry for the import feature's Import Group as Definition).
import * as vscode from 'vscode';
import { COMMANDS } from '../commandIds';
import type { DefinitionsFeature } from '../common/definitionsFeature';
import { ExtensionDeps } from '../common/deps';
import { readConnectionSettings } from '../common/connectionSettings';
import { entraGroupUrl } from './entraLinks';
import { exportGroupAsDefinition } from './exportDefinition';
import { HistoryNode } from './historyNodes';
import { showGroupHistory } from './showGroupHistory';
import { GroupNode, principalIdsOf } from './groupNodes';
import { AssignmentNode } from './assignmentNode';
import { GROUPS_VIEW, GroupsTreeProvider, describeFilter } from './groupsTreeProvider';
import { ErrorNode } from '../common/tree/treeNode';
import { UserFacingError } from '../infrastructure/errors';

export function registerExplorer(
  context: vscode.ExtensionContext,
  deps: ExtensionDeps,
  definitions: DefinitionsFeature,
): GroupsTreeProvider {
  const { commands, connections, ui } = deps;
  const provider = new GroupsTreeProvider(deps.log, connections, () => definitions.lastResult()?.groups ?? []);
  const view = vscode.window.createTreeView(GROUPS_VIEW, { treeDataProvider: provider, showCollapseAll: true });
  provider.view = view;
  context.subscriptions.push(
    provider,
    view,
    deps.tenant.onDidChange(() => provider.refresh()),
    // Re-label "managed in …" from the cached pages; no new Graph reads.
    definitions.onDidValidate(() => provider.refreshLabels()),
  );

  commands.register(COMMANDS.treeRetry, (node: ErrorNode) => node.retry());
  commands.register(COMMANDS.groupsRefresh, (node?: unknown) => {
    if (node instanceof GroupNode) {
      node.reset();
      provider.refresh(node);
    } else provider.refresh();
  });
  commands.register(COMMANDS.groupsLoadMore, () => provider.loadMore());
  commands.register(COMMANDS.groupsFilter, async () => {
    const text = await ui.input({
      title: 'Filter PIM Groups',
      prompt: 'Show groups whose name contains (empty: all groups)',
      value: provider.filter ?? '',
    });
    provider.setFilter(text);
    describeFilter(view, provider.filter);
    return provider.filter;
  });
  commands.register(COMMANDS.groupsClearFilter, () => {
    provider.setFilter(undefined);
    describeFilter(view, undefined);
  });
  commands.register(COMMANDS.groupsExportDefinition, (node: GroupNode) =>
    exportGroupAsDefinition(node, connections, ui),
  );
  // Copy what the portal lets you copy: a group's or a principal's object id, and a user's UPN.
  commands.register(COMMANDS.copyObjectId, async (node: GroupNode | AssignmentNode) => {
    const id = node instanceof GroupNode ? node.groupId : principalIdsOf(node).id;
    await vscode.env.clipboard.writeText(id);
    return id;
  });
  commands.register(COMMANDS.copyPrincipalName, async (node: AssignmentNode) => {
    const upn = principalIdsOf(node).upn;
    if (!upn) throw new UserFacingError('Only a user has a user principal name; use Copy Object Id.');
    await vscode.env.clipboard.writeText(upn);
    return upn;
  });
  commands.register(COMMANDS.groupsOpenInEntra, async (node: GroupNode) => {
    const url = entraGroupUrl(node.groupId, readConnectionSettings().cloud);
    await vscode.env.openExternal(vscode.Uri.parse(url, true));
    return url;
  });
  commands.register(COMMANDS.groupsShowHistory, (node: GroupNode | HistoryNode) =>
    showGroupHistory(
      node instanceof HistoryNode ? node : { groupId: node.groupId, groupName: node.displayName },
      connections,
    ),
  );
  commands.register(COMMANDS.groupsRevealDefinition, async (node: GroupNode) => {
    const definition = provider.definitionOf(node.groupId, node.displayName);
    if (!definition) return undefined;
    const uri = uriOfDefinitionFile(definitions, definition.source.file);
    const start = definition.source.range.start;
    const position = new vscode.Position(start.line, start.character);
    await vscode.window.showTextDocument(uri, { selection: new vscode.Range(position, position) });
    return uri;
  });
  return provider;
}

/** Findings and sources name files by path; the tracked keys are URI strings. */
function uriOfDefinitionFile(definitions: DefinitionsFeature, file: string): vscode.Uri {
  for (const key of definitions.lastResult()?.files.keys() ?? []) {
    const uri = vscode.Uri.parse(key);
    if (
      uri.fsPath === file ||
      uri.toString() === file ||
      vscode.workspace.asRelativePath(uri) === file ||
      uri.path.endsWith(`/${file}`)
    )
      return uri;
  }
  return vscode.Uri.file(file);
}
