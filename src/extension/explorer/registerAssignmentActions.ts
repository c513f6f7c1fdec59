// The Groups view's row actions on assignments (Update, Extend, Renew, Remove). Registered after activation so that
// they share its workspace-trust guard: changing who has access is refused in an untrusted workspace.
import * as vscode from 'vscode';
import { COMMANDS } from '../commandIds';
import { ExtensionDeps } from '../common/deps';
import { UserFacingError } from '../infrastructure/errors';
import { AssignmentAction, changeAssignment } from './assignmentActions';
import { AssignmentNode } from './assignmentNode';

export function registerAssignmentActions(deps: ExtensionDeps, guard: { require(action: string): void }): void {
  const c = {
    ui: deps.ui,
    connections: deps.connections,
    tenant: deps.tenant,
    guard,
    notify: (message: string) => void vscode.window.showInformationMessage(message),
  };
  const run = (action: AssignmentAction) => (node?: unknown) => {
    if (!(node instanceof AssignmentNode))
      throw new UserFacingError('Choose an assignment in the Groups view (right-click it, or Shift+F10).');
    return changeAssignment(c, action, node);
  };
  deps.commands.register(COMMANDS.updateAssignment, run('update'));
  deps.commands.register(COMMANDS.extendAssignment, run('extend'));
  deps.commands.register(COMMANDS.renewAssignment, run('renew'));
  deps.commands.register(COMMANDS.removeAssignment, run('remove'));
}
