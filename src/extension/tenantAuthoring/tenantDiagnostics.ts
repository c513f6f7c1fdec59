// Edit-time tenant checks (src/plan/editTimeChecks.ts, run in the loaded engine) as diagnostics in their own collection, so the schema's and rules'
// diagnostics are never touched: re-run after each validation of the workspace (which already waits for a pause in
// typing), for the open definition files only, first with what is known (no flicker), then again once the missing
// facts are looked up. Off with `pimGroups.authoring.tenantChecks`, without a connection, or in an untrusted
// workspace: then the collection is empty.
import * as vscode from 'vscode';
import type { DefinitionsFeature, ValidationResult } from '../common/definitionsFeature';
import { definitionPathOf } from '../common/plans/definitionPaths';
import type { Log } from '../infrastructure/log';
import type { Finding, PimGroupDefinition, PolicyTemplateDefinition } from '../../definitions/model';
import type { BindingKind } from '../../tenant/bindingsState';
import { referencesOf } from '../../definitions/tenantReferences';
import { loadEngine } from '../engine/engineLoader';
import type { TenantLookups } from './tenantLookups';

export const TENANT_DIAGNOSTIC_SOURCE = 'pim-groups (tenant)';
const DOCS = 'https://github.com/pim-groups/pim-groups/blob/main/docs';
const docsOf = (code: string) => (code.startsWith('PIM3') ? `${DOCS}/bindings.md` : `${DOCS}/plan-format.md#issues`);

const KIND_OF: Partial<Record<string, BindingKind>> = {
  intuneRole: 'intuneRole',
  scopeTag: 'intuneRole',
  sku: 'license',
  caPolicy: 'conditionalAccess',
  azureRole: 'azureRole',
};

type Def = PimGroupDefinition | PolicyTemplateDefinition;

export class TenantDiagnostics implements vscode.Disposable {
  readonly collection = vscode.languages.createDiagnosticCollection('pim-groups-tenant');
  private running: AbortController | undefined;
  /** Settles when the last run has published (host tests wait on it). */
  idle: Promise<void> = Promise.resolve();

  constructor(
    private readonly definitions: DefinitionsFeature,
    private readonly lookups: TenantLookups,
    private readonly log: Log,
  ) {}

  enabled(): boolean {
    return (
      vscode.workspace.getConfiguration('pimGroups').get<boolean>('authoring.tenantChecks', true) &&
      this.lookups.available()
    );
  }

  refresh(): void {
    this.running?.abort();
    const abort = (this.running = new AbortController());
    this.idle = this.run(abort.signal).catch((e) => {
      if (!abort.signal.aborted) this.log.warn(`Tenant checks skipped: ${e instanceof Error ? e.message : String(e)}`);
    });
  }

  private async run(signal: AbortSignal): Promise<void> {
    const result = this.definitions.lastResult();
    if (!result || !this.enabled()) return this.collection.clear();
    const open = openDefinitions(result);
    const { editTimeChecks } = loadEngine().plan;
    this.publish(open, (d) => editTimeChecks(d, this.lookups.facts()));
    const refs = open.flatMap((o) => o.defs.flatMap(referencesOf));
    const principals = refs.filter((r) => r.kind === 'principal' || r.kind === 'approver').map((r) => r.value);
    const groupNames = refs.filter((r) => r.kind === 'managedGroup').map((r) => r.value);
    const kinds = [...new Set(refs.flatMap((r) => KIND_OF[r.kind] ?? []))];
    const scopes = [...new Set(refs.flatMap((r) => (r.kind === 'azureRole' ? [r.scope] : [])))];
    const [, catalog] = await Promise.all([
      this.lookups.resolve(principals, groupNames, signal),
      kinds.length ? this.lookups.catalog(kinds, scopes) : undefined,
    ]);
    if (signal.aborted || !this.enabled()) return;
    const facts = this.lookups.facts(catalog);
    this.publish(open, (d) => editTimeChecks(d, facts));
  }

  private publish(open: OpenDefinitions[], check: (d: Def) => Finding[]): void {
    this.collection.clear();
    for (const { document, defs } of open) {
      this.collection.set(
        document.uri,
        defs.flatMap(check).map((f) => {
          const r = f.range;
          const d = new vscode.Diagnostic(
            new vscode.Range(r.start.line, r.start.character, r.end.line, r.end.character),
            f.message,
            f.severity === 'error' ? vscode.DiagnosticSeverity.Error : vscode.DiagnosticSeverity.Warning,
          );
          d.source = TENANT_DIAGNOSTIC_SOURCE;
          d.code = { value: f.code, target: vscode.Uri.parse(docsOf(f.code)) };
          return d;
        }),
      );
    }
  }

  dispose(): void {
    this.running?.abort();
    this.collection.dispose();
  }
}

interface OpenDefinitions {
  document: vscode.TextDocument;
  defs: Def[];
}

/** The open documents whose validated text is their current text (ranges would be wrong otherwise). */
function openDefinitions(result: ValidationResult): OpenDefinitions[] {
  return vscode.workspace.textDocuments.flatMap((document) => {
    const validated = result.files.get(document.uri.toString());
    if (!validated || (validated.version !== undefined && validated.version !== document.version)) return [];
    const file = definitionPathOf(document.uri);
    const defs = [...result.groups, ...result.templates].filter((d) => d.source.file === file);
    return defs.length ? [{ document, defs }] : [];
  });
}
