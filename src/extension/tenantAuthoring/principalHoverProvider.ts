// Hover on a principal reference (an assignment's `principal:` or an approver): who it is in the tenant. Finds the
// reference from the last validation's source ranges, then looks it up (cached for a minute) when connected.
import * as vscode from 'vscode';
import type { DefinitionsFeature } from '../common/definitionsFeature';
import { definitionPathOf } from '../common/plans/definitionPaths';
import { referencesOf } from '../../definitions/tenantReferences';
import { principalHoverMarkdown } from './principalHover';
import type { TenantLookups } from './tenantLookups';

export class PrincipalHovers implements vscode.HoverProvider {
  constructor(
    private readonly definitions: DefinitionsFeature,
    private readonly lookups: TenantLookups,
  ) {}

  async provideHover(document: vscode.TextDocument, position: vscode.Position, token: vscode.CancellationToken) {
    const result = this.definitions.lastResult();
    const validated = result?.files.get(document.uri.toString());
    if (!result || !validated || (validated.version !== undefined && validated.version !== document.version)) return;
    if (!this.lookups.available()) return;
    const file = definitionPathOf(document.uri);
    for (const def of [...result.groups, ...result.templates]) {
      if (def.source.file !== file) continue;
      for (const r of referencesOf(def)) {
        if (r.kind !== 'principal' && r.kind !== 'approver') continue;
        const range = def.source.rangeOf(r.path);
        const at = new vscode.Range(range.start.line, range.start.character, range.end.line, range.end.character);
        if (!at.contains(position)) continue;
        const abort = new AbortController();
        const sub = token.onCancellationRequested(() => abort.abort());
        try {
          await this.lookups.resolve([r.value], [], abort.signal);
        } catch {
          return; // logged by the transport; no hover rather than a wrong one
        } finally {
          sub.dispose();
        }
        const known = this.lookups.known(r.value);
        return known && new vscode.Hover(new vscode.MarkdownString(principalHoverMarkdown(r.value, known)), at);
      }
    }
    return undefined;
  }
}
