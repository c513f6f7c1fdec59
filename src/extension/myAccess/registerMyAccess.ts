// The My Access view, its refresh, and the elevation status bar that reads the same data.
import * as vscode from 'vscode';
import { COMMANDS } from '../commandIds';
import { ExtensionDeps } from '../shared/deps';
import { ElevationStatusBar } from './elevationStatusBar';
import { MyAccessModel } from '../shared/myAccess/myAccessModel';
import { MY_ACCESS_VIEW, MyAccessTreeProvider } from './myAccessTreeProvider';

export interface MyAccessFeature { model: MyAccessModel; provider: MyAccessTreeProvider; elevation: ElevationStatusBar }

export function registerMyAccess(context: vscode.ExtensionContext, deps: ExtensionDeps): MyAccessFeature {
  const model = new MyAccessModel(deps.connections, deps.tenant);
  const provider = new MyAccessTreeProvider(deps.log, deps.connections, model);
  const elevation = new ElevationStatusBar(model, COMMANDS.extendMembership);
  provider.view = vscode.window.createTreeView(MY_ACCESS_VIEW, { treeDataProvider: provider });
  context.subscriptions.push(
    model, provider, elevation,
    provider.view,
    // Stale data is read again at once (not only when the view asks), so the elevation status bar stays right
    // after an activation or another connection even while the view is hidden.
    model.onDidChange(() => {
      provider.redraw();
      if (deps.connections.current()) void model.get().catch((e) => deps.log.warn(`My Access: ${(e as Error).message}`));
    }),
  );
  deps.commands.register(COMMANDS.myAccessRefresh, () => provider.refresh());
  return { model, provider, elevation };
}
