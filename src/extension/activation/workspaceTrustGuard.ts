// Activate, deactivate, extend and approve change who has access in a real tenant, so they are refused in an
// untrusted workspace (package.json: capabilities.untrustedWorkspaces "limited"; menus use isWorkspaceTrusted).
// Host tests run trusted, so they flip `simulateUntrusted` to check the refusal through the real commands.
import * as vscode from 'vscode';
import { UserFacingError } from '../infrastructure/errors';

export class WorkspaceTrustGuard {
  simulateUntrusted = false;

  isTrusted(): boolean {
    return !this.simulateUntrusted && vscode.workspace.isTrusted;
  }

  /** Throws a UserFacingError (with "Manage Workspace Trust") when the workspace is not trusted. */
  require(action: string): void {
    if (this.isTrusted()) return;
    throw new UserFacingError(
      `${action} is disabled in an untrusted workspace: trust this workspace first (a workspace's settings must not decide where PIM requests go).`,
      [{ title: 'Manage Workspace Trust', run: () => vscode.commands.executeCommand('workbench.trust.manage') }],
    );
  }
}
