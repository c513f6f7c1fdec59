// The Groups view's row actions on assignments (Update, Extend, Renew, Remove), and Enter on a row (its details and
// actions in a quick pick). Registered after activation so that they share its workspace-trust guard: changing who
// has access is refused in an untrusted workspace.
import * as vscode from 'vscode';
import { COMMANDS } from '../commandIds';
import { ExtensionDeps } from '../common/deps';
import { UserFacingError } from '../infrastructure/errors';
import { AssignmentAction, changeAssignment } from './assignmentActions';
import { AssignmentNode } from './assignmentNode';
import { MANAGE_TRUST_COMMAND, pickAssignmentAction } from './assignmentQuickPick';

export function registerAssignmentActions(
  deps: ExtensionDeps,
  guard: { require(action: string): void; isTrusted(): boolean },
): void {
  const c = {
    ui: deps.ui,
    connections: deps.connections,
    tenant: deps.tenant,
    guard,
    notify: (message: string) => void vscode.window.showInformationMessage(message),
  };
  const assignment = (node: unknown): AssignmentNode => {
    if (!(node instanceof AssignmentNode))
      throw new UserFacingError('Choose an assignment in the Groups view (Enter or right-click on it, or Shift+F10).');
    return node;
  };
  const run = (action: AssignmentAction) => (node?: unknown) => changeAssignment(c, action, assignment(node));
  deps.commands.register(COMMANDS.updateAssignment, run('update'));
  deps.commands.register(COMMANDS.extendAssignment, run('extend'));
  deps.commands.register(COMMANDS.renewAssignment, run('renew'));
  deps.commands.register(COMMANDS.removeAssignment, run('remove'));
  // The row's default command: what it returns is the chosen action's own result.
  deps.commands.register(COMMANDS.assignmentDetails, async (node?: unknown) => {
    const row = assignment(node);
    const command = await pickAssignmentAction(deps.ui, row, guard.isTrusted());
    // VS Code's trust editor takes no argument (a tree element would not cross to the workbench).
    return command === MANAGE_TRUST_COMMAND
      ? vscode.commands.executeCommand(command)
      : vscode.commands.executeCommand(command, row);
  });
}
