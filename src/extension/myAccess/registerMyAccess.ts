// The My Access view, its refresh, and the elevation status bar that reads the same data.
import * as vscode from 'vscode';
import { COMMANDS } from '../commandIds';
import { ExtensionDeps } from '../common/deps';
import { ElevationStatusBar } from './elevationStatusBar';
import { MyAccessModel } from '../common/myAccess/myAccessModel';
import { MY_ACCESS_VIEW, MyAccessTreeProvider } from './myAccessTreeProvider';
import { ApprovalNode, MembershipNode } from './myAccessNodes';

/** The action Enter runs on an item: what its context menu offers first. */
function defaultActionOf(node: unknown): string | undefined {
  if (node instanceof ApprovalNode) return 'decide';
  if (!(node instanceof MembershipNode)) return undefined;
  const context = node.getTreeItem().contextValue;
  if (context === 'pimMembership eligible') return COMMANDS.activateMembership;
  if (context === 'pimMembership active activated') return COMMANDS.extendMembership;
  if (context === 'pimMembership pending') return COMMANDS.cancelRequest;
  return undefined;
}

export interface MyAccessFeature {
  model: MyAccessModel;
  provider: MyAccessTreeProvider;
  elevation: ElevationStatusBar;
}

export function registerMyAccess(context: vscode.ExtensionContext, deps: ExtensionDeps): MyAccessFeature {
  const model = new MyAccessModel(deps.connections, deps.tenant);
  const provider = new MyAccessTreeProvider(deps.log, deps.connections, model);
  const elevation = new ElevationStatusBar(model, COMMANDS.extendMembership);
  provider.view = vscode.window.createTreeView(MY_ACCESS_VIEW, { treeDataProvider: provider });
  context.subscriptions.push(
    model,
    provider,
    elevation,
    provider.view,
    // Stale data is read again at once (not only when the view asks), so the elevation status bar stays right
    // after an activation or another connection even while the view is hidden.
    model.onDidChange(() => {
      provider.redraw();
      if (deps.connections.current())
        void model.get().catch((e) => deps.log.warn(`My Access: ${(e as Error).message}`));
    }),
  );
  deps.commands.register(COMMANDS.myAccessRefresh, () => provider.refresh());
  // Enter on the focused item (keybinding): its first context-menu action, so the keyboard reaches what the
  // hover-only inline buttons do (Shift+F10 opens the whole context menu). The keybinding catches Enter on every
  // row, so a row without an action (a section) gets what Enter does in any tree: it opens or closes.
  deps.commands.register(COMMANDS.myAccessDefaultAction, async (node?: unknown) => {
    const target = node ?? provider.view?.selection[0];
    const action = defaultActionOf(target);
    if (!action) return vscode.commands.executeCommand('list.toggleExpand');
    if (action === 'decide') {
      const choice = await deps.ui.pick(
        [
          { label: 'Approve', value: COMMANDS.approveRequest },
          { label: 'Deny', value: COMMANDS.denyRequest },
        ],
        { title: 'Approve or deny this request', placeholder: 'Approve or Deny?' },
      );
      return vscode.commands.executeCommand(choice.value, target);
    }
    return vscode.commands.executeCommand(action, target);
  });
  return { model, provider, elevation };
}
