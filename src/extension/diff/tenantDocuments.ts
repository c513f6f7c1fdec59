// Read-only virtual documents (scheme pim-groups-tenant:) with a definition file's groups as the tenant holds
// them. No temp files: the text is computed when the diff opens and kept until the document closes.
import * as vscode from 'vscode';

export const TENANT_SCHEME = 'pim-groups-tenant';

export class TenantDocuments implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly texts = new Map<string, string>();
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;
  private readonly closing: vscode.Disposable;

  constructor() {
    this.closing = vscode.workspace.onDidCloseTextDocument((d) => { if (d.uri.scheme === TENANT_SCHEME) this.texts.delete(d.uri.toString()); });
  }

  /** The tenant document for a definition file: `pim-groups-tenant:/<dir>/<name> (tenant).pim.yaml?<file URI>`. */
  static uriFor(file: vscode.Uri, path: string): vscode.Uri {
    const tenantPath = '/' + path.replace(/\.pim\.(ya?ml)$/i, ' (tenant).pim.$1');
    return vscode.Uri.from({ scheme: TENANT_SCHEME, path: tenantPath, query: file.toString() });
  }

  set(uri: vscode.Uri, text: string): void {
    this.texts.set(uri.toString(), text);
    this.changed.fire(uri);
  }

  provideTextDocumentContent(uri: vscode.Uri): string {
    return this.texts.get(uri.toString()) ?? '# Run "PIM Groups: Diff with Tenant" again to read the tenant.\n';
  }

  dispose(): void { this.closing.dispose(); this.changed.dispose(); }
}
