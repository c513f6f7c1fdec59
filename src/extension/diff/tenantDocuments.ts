// Read-only virtual documents (scheme pim-groups-tenant:) with the two sides of Diff with Tenant. No temp files:
// the text is computed when the diff opens, read again when the tenant changes, and kept until the document closes.
import * as vscode from 'vscode';

export const TENANT_SCHEME = 'pim-groups-tenant';

interface Entry {
  text: string;
  render: () => Promise<unknown>;
}

export class TenantDocuments implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly entries = new Map<string, Entry>();
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;
  private readonly closing: vscode.Disposable;

  constructor() {
    this.closing = vscode.workspace.onDidCloseTextDocument((d) => {
      if (d.uri.scheme === TENANT_SCHEME) this.entries.delete(d.uri.toString());
    });
  }

  /** The two sides for a definition file: `<dir>/<name> (tenant).pim.yaml` and `… (definition).pim.yaml`. */
  static urisFor(file: vscode.Uri, path: string): { left: vscode.Uri; right: vscode.Uri } {
    const side = (label: string) =>
      vscode.Uri.from({
        scheme: TENANT_SCHEME,
        path: '/' + path.replace(/\.pim\.(ya?ml)$/i, ` (${label}).pim.$1`),
        query: file.toString(),
      });
    return { left: side('tenant'), right: side('definition') };
  }

  /** Sets a side's text; `render` computes both sides again (after a tenant change). */
  set(uri: vscode.Uri, text: string, render: () => Promise<unknown>): void {
    this.entries.set(uri.toString(), { text, render });
    this.changed.fire(uri);
  }

  /** Renders every open side again, once per file. */
  renderOpenAgain(onError: (error: unknown) => void): void {
    const renders = new Map<string, () => Promise<unknown>>();
    for (const [key, entry] of this.entries) renders.set(vscode.Uri.parse(key).query, entry.render);
    for (const render of renders.values()) void render().catch(onError);
  }

  provideTextDocumentContent(uri: vscode.Uri): string {
    return this.entries.get(uri.toString())?.text ?? '# Run "PIM Groups: Diff with Tenant" again to read the tenant.\n';
  }

  dispose(): void {
    this.closing.dispose();
    this.changed.dispose();
  }
}
