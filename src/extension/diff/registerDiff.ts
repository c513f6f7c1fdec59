// Diff with Tenant: VS Code's diff editor with the file's groups as the tenant holds them on the left and as the
// definition says on the right, both rendered from the model (semanticDiff.ts), so only real differences show.
// Open diffs are read again whenever the tenant changes (the one refresh path).
import * as vscode from 'vscode';
import { COMMANDS } from '../commandIds';
import type { DefinitionsFeature } from '../common/definitionsFeature';
import { loadEngine } from '../engine/engineLoader';
import type { ExtensionDeps } from '../common/deps';
import { UserFacingError } from '../infrastructure/errors';
import { definitionPathOf } from '../common/plans/definitionPaths';
import type { PlanService } from '../common/plans/planService';
import { semanticDiff } from './semanticDiff';
import { TENANT_SCHEME, TenantDocuments } from './tenantDocuments';

export interface DiffResult {
  left: string;
  right: string;
  inSync: boolean;
}

export function registerDiff(
  context: vscode.ExtensionContext,
  deps: ExtensionDeps,
  definitions: DefinitionsFeature,
  plans: PlanService,
): void {
  const documents = new TenantDocuments();
  context.subscriptions.push(documents, vscode.workspace.registerTextDocumentContentProvider(TENANT_SCHEME, documents));

  /** Reads the tenant and plans the file; sets both sides' text. */
  const render = async (file: vscode.Uri): Promise<DiffResult> => {
    const path = definitionPathOf(file);
    await definitions.whenIdle();
    const result = definitions.lastResult();
    const groups = (result?.groups ?? [])
      .filter((g) => g.source.file === path)
      .sort((a, b) => a.source.index - b.source.index);
    if (!groups.length)
      throw new UserFacingError(`${path} has no PimGroup definition that could be read; fix its errors first.`);
    const computed = await plans.compute({ file: path });
    const transport = await deps.connections.transport();
    const exported = await loadEngine().exporter.exportGroups(transport, {
      names: groups.map((g) => g.group.id ?? g.group.displayName),
    });
    for (const w of exported.warnings) deps.log.warn(`diff: ${w}`);
    const where = computed.connection.kind === 'sandbox' ? 'the sandbox' : (computed.connection.tenant ?? 'the tenant');
    const sides = semanticDiff(
      groups,
      result?.templates ?? [],
      exported.groups,
      computed.plan?.groups ?? [],
      where,
      new Date().toLocaleString(),
    );
    const { left, right } = TenantDocuments.urisFor(file, path);
    documents.set(left, sides.left, () => render(file));
    documents.set(right, sides.right, () => render(file));
    return { left: left.toString(), right: right.toString(), inSync: sides.inSync };
  };

  context.subscriptions.push(
    deps.tenant.onDidChange(() =>
      documents.renderOpenAgain((e) => deps.log.warn(`diff: could not read the tenant again: ${(e as Error).message}`)),
    ),
  );

  deps.commands.register(COMMANDS.diffWithTenant, async (arg?: unknown): Promise<DiffResult> => {
    const file =
      arg instanceof vscode.Uri
        ? arg
        : typeof arg === 'string'
          ? vscode.Uri.parse(arg)
          : vscode.window.activeTextEditor?.document.uri;
    if (!file) throw new UserFacingError('Open a *.pim.yaml definition to compare it with the tenant.');
    const diff = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Window, title: 'Reading the tenant…' },
      () => render(file),
    );
    const name = definitionPathOf(file).split('/').pop();
    await vscode.commands.executeCommand(
      'vscode.diff',
      vscode.Uri.parse(diff.left),
      vscode.Uri.parse(diff.right),
      `${name}: tenant ↔ definition${diff.inSync ? ' (in sync)' : ''}`,
      { preview: true },
    );
    if (diff.inSync) void vscode.window.showInformationMessage(`${name} is in sync with the tenant: no differences.`);
    return diff;
  });
}
