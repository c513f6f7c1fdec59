// The Definitions view in the "PIM Groups" container (beside Groups and My Access).
import * as vscode from 'vscode';
import type { DefinitionsFeature } from '../common/definitionsFeature';
import type { PlanService } from '../common/plans/planService';
import { DefinitionsTree } from './definitionsTree';

export const DEFINITIONS_VIEW = 'pimGroups.definitions';

export function registerDefinitionsView(
  context: vscode.ExtensionContext,
  definitions: DefinitionsFeature,
  plans: PlanService,
): DefinitionsTree {
  const tree = new DefinitionsTree(definitions, plans);
  context.subscriptions.push(
    tree,
    vscode.window.createTreeView(DEFINITIONS_VIEW, { treeDataProvider: tree, showCollapseAll: false }),
  );
  return tree;
}
