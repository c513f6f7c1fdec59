// The status bar item: which tenant (or the sandbox) and which account; a click opens the connection quick pick.
import * as vscode from 'vscode';
import { ConnectionInfo, Connections } from '../common/connection';

export class ConnectionStatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('pimGroups.connection', vscode.StatusBarAlignment.Left, 50);
  private readonly subscription: vscode.Disposable;

  constructor(connections: Connections) {
    this.item.name = 'PIM Groups connection';
    this.item.command = 'pimGroups.selectConnection';
    this.subscription = connections.onDidChange((info) => this.show(info));
    this.show(connections.current());
  }

  private show(info: ConnectionInfo | undefined): void {
    this.item.text = info
      ? `$(${info.kind === 'sandbox' ? 'beaker' : 'shield'}) ${info.label}`
      : '$(shield) PIM: not connected';
    this.item.tooltip = info
      ? `PIM Groups: ${info.label} (${info.graphBaseUrl}). Click to switch or sign out.`
      : 'PIM Groups: click to sign in or try the sandbox';
    this.item.show();
  }

  dispose(): void {
    this.subscription.dispose();
    this.item.dispose();
  }
}
