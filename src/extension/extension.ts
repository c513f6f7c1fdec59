// Entry point of the VS Code extension: a table of contents (see src/extension/*/register*.ts).
import * as vscode from 'vscode';

export function activate(context: vscode.ExtensionContext): void {
  const log = vscode.window.createOutputChannel('PIM Groups', { log: true });
  context.subscriptions.push(log);
}

export function deactivate(): void {}
