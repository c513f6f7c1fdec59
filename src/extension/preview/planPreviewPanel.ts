// The one "PIM Groups Plan" webview beside the editor. No scripts; links are command URIs limited to the
// commands the page may run (PREVIEW_LINK_COMMANDS).
import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import { PREVIEW_LINK_COMMANDS, PreviewModel, renderPreviewHtml } from './planHtml';

export class PlanPreviewPanel implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  /** The model the panel shows now. */
  lastModel: PreviewModel | undefined;

  /** The HTML the panel shows now (undefined: closed). */
  get html(): string | undefined {
    return this.panel?.webview.html;
  }

  get isOpen(): boolean {
    return this.panel !== undefined;
  }

  /** Shows the model (creating the panel, or revealing it unless `reveal` is false) and returns the HTML it set. */
  show(model: PreviewModel, reveal = true): string {
    if (!this.panel) {
      this.panel = vscode.window.createWebviewPanel(
        'pimGroups.planPreview',
        'PIM Groups Plan',
        { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true },
        {
          enableScripts: false,
          enableCommandUris: PREVIEW_LINK_COMMANDS,
          localResourceRoots: [],
          retainContextWhenHidden: false,
        },
      );
      this.panel.onDidDispose(() => {
        this.panel = undefined;
        this.lastModel = undefined;
      });
    }
    this.lastModel = model;
    this.panel.title = `Plan: ${model.scopeLabel}`;
    const html = renderPreviewHtml(model, {
      nonce: randomBytes(16).toString('base64'),
      cspSource: this.panel.webview.cspSource,
    });
    this.panel.webview.html = html;
    if (reveal) this.panel.reveal(vscode.ViewColumn.Beside, true);
    return html;
  }

  dispose(): void {
    this.panel?.dispose();
  }
}
