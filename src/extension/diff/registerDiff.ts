// Diff with Tenant: VS Code's diff editor, the tenant's state of the file's groups (exported as YAML by the
// engine) on the left and the definition file on the right.
import * as vscode from 'vscode';
import { COMMANDS } from '../commandIds';
import type { DefinitionsFeature } from '../shared/definitionsFeature';
import { loadEngine } from '../engine/engineLoader';
import type { ExtensionDeps } from '../shared/deps';
import { UserFacingError } from '../infrastructure/errors';
import { definitionPathOf } from '../shared/plans/definitionPaths';
import { tenantDocumentText } from './tenantDocumentText';
import { TENANT_SCHEME, TenantDocuments } from './tenantDocuments';

export interface DiffResult { left: string; right: string }

export function registerDiff(context: vscode.ExtensionContext, deps: ExtensionDeps, definitions: DefinitionsFeature): void {
  const documents = new TenantDocuments();
  context.subscriptions.push(documents, vscode.workspace.registerTextDocumentContentProvider(TENANT_SCHEME, documents));

  deps.commands.register(COMMANDS.diffWithTenant, async (arg?: unknown): Promise<DiffResult> => {
    const file = arg instanceof vscode.Uri ? arg : typeof arg === 'string' ? vscode.Uri.parse(arg) : vscode.window.activeTextEditor?.document.uri;
    if (!file) throw new UserFacingError('Open a *.pim.yaml definition to compare it with the tenant.');
    const path = definitionPathOf(file);
    await definitions.whenIdle();
    const groups = (definitions.lastResult()?.groups ?? []).filter((g) => g.source.file === path).sort((a, b) => a.source.index - b.source.index);
    if (!groups.length) throw new UserFacingError(`${path} has no PimGroup definition that could be read; fix its errors first.`);
    const transport = await deps.connections.transport();
    const engine = loadEngine();
    const exported = await vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: 'Reading the tenant…' },
      () => engine.exporter.exportGroups(transport, { names: groups.map((g) => g.group.id ?? g.group.displayName) }));
    for (const w of exported.warnings) deps.log.warn(`diff: ${w}`);
    const left = TenantDocuments.uriFor(file, path);
    documents.set(left, tenantDocumentText(groups, exported.groups, deps.connections.current()?.label ?? 'the tenant', new Date().toISOString()));
    await vscode.commands.executeCommand('vscode.diff', left, file, `${path.split('/').pop()}: tenant ↔ definition`, { preview: true });
    return { left: left.toString(), right: file.toString() };
  });
}
