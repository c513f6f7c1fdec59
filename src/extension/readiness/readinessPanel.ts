// The one "Tenant Readiness" webview: shows the last report, replaced by the next check. No scripts, no links.
import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import type { ReadinessReport } from '../../readiness/model';
import { renderReadinessHtml } from './readinessHtml';

export class ReadinessPanel implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;

  /** Shows the report (creating or revealing the panel) and returns the HTML it set. */
  show(report: ReadinessReport): string {
    if (!this.panel) {
      this.panel = vscode.window.createWebviewPanel(
        'pimGroups.readiness',
        'Tenant Readiness',
        { viewColumn: vscode.ViewColumn.Active, preserveFocus: false },
        { enableScripts: false, enableCommandUris: false, localResourceRoots: [], retainContextWhenHidden: false },
      );
      this.panel.onDidDispose(() => (this.panel = undefined));
    }
    const html = renderReadinessHtml(report, randomBytes(16).toString('base64'));
    this.panel.webview.html = html;
    this.panel.reveal(vscode.ViewColumn.Active);
    return html;
  }

  dispose(): void {
    this.panel?.dispose();
  }
}
