// The status bar item: which tenant (or the sandbox) and which account, or "disconnected" when the host refused the
// connection; a click opens the connection quick pick (which then offers Retry and the built-in sandbox).
import * as vscode from 'vscode';
import { ConnectionInfo, Connections } from '../common/connection';
import { Reachability } from './reachability';

export class ConnectionStatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('pimGroups.connection', vscode.StatusBarAlignment.Left, 50);
  private readonly subscriptions: vscode.Disposable[];

  constructor(
    private readonly connections: Connections,
    private readonly reachability: Reachability,
  ) {
    this.item.name = 'PIM Groups connection';
    this.item.command = 'pimGroups.selectConnection';
    this.subscriptions = [connections.onDidChange(() => this.show()), reachability.onDidChange(() => this.show())];
    this.show();
  }

  /** What the item says now (the test API reads it). */
  get text(): string {
    return this.item.text;
  }

  private show(): void {
    const info = this.connections.current();
    const refused = info && this.reachability.refused;
    if (info && refused) this.showDisconnected(info, refused);
    else {
      this.item.backgroundColor = undefined;
      this.item.text = info
        ? `$(${info.kind === 'sandbox' ? 'beaker' : 'shield'}) ${info.label}`
        : '$(shield) PIM: not connected';
      this.item.tooltip = info
        ? `PIM Groups: ${info.label} (${info.graphBaseUrl}). Click to switch or sign out.`
        : 'PIM Groups: click to sign in or try the sandbox';
    }
    this.item.show();
  }

  private showDisconnected(info: ConnectionInfo, origin: string): void {
    this.item.backgroundColor = new vscode.ThemeColor('statusBarItem.warningBackground');
    this.item.text = `$(debug-disconnect) PIM: disconnected`;
    this.item.tooltip =
      `PIM Groups: ${info.label}: nothing is listening at ${origin} (connection refused)` +
      `${info.kind === 'sandbox' ? ', the sandbox is not running' : ''}. Click to retry or use the built-in sandbox.`;
  }

  dispose(): void {
    for (const s of this.subscriptions) s.dispose();
    this.item.dispose();
  }
}
