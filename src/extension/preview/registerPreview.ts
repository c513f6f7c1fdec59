// Preview Changes: plans the active definition file (or the workspace) against the tenant and shows the plan with
// per-group sections, risk marks and links back to the definitions; files with errors are named, never planned.
import * as vscode from 'vscode';
import { COMMANDS } from '../commandIds';
import type { DefinitionsFeature } from '../shared/definitionsFeature';
import type { ExtensionDeps } from '../shared/deps';
import { UserCancelledError } from '../infrastructure/errors';
import { PlanPreviewPanel } from './planPreviewPanel';
import { PlanScope, scopeLabel } from '../shared/plans/planScope';
import { PlanService } from '../shared/plans/planService';

/** What Preview Changes returns (host tests read it). */
export interface PreviewResult {
  scope: PlanScope;
  summary?: import('../../plan/model').PlanSummary;
  groups: string[];
  blocked: string[];
  html: string;
}

export function registerPreview(context: vscode.ExtensionContext, deps: ExtensionDeps, definitions: DefinitionsFeature): PlanService {
  const plans = new PlanService(definitions, deps);
  const panel = new PlanPreviewPanel();
  context.subscriptions.push(panel);

  deps.commands.register(COMMANDS.previewChanges, async (arg?: unknown): Promise<PreviewResult> => {
    const scope = plans.scopeOf(arg);
    const computed = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: `PIM Groups: planning ${scopeLabel(scope)}…`, cancellable: true },
      async (_progress, token) => {
        const abort = new AbortController();
        token.onCancellationRequested(() => abort.abort());
        try {
          return await plans.compute(scope, abort.signal);
        } catch (error) {
          // Cancel on the notification aborts the reads; that is the user's choice, not a failure.
          if (abort.signal.aborted) throw new UserCancelledError('planning');
          throw error;
        }
      });
    const html = panel.show({
      scopeLabel: scopeLabel(scope),
      connectionLabel: computed.connection.label,
      plan: computed.plan,
      blocked: computed.scoped.blocked,
      fileUris: computed.fileUris,
      applyArgs: [scope.file ? computed.fileUris[scope.file] ?? 'workspace' : 'workspace'],
    });
    return {
      scope,
      summary: computed.plan?.summary,
      groups: computed.plan?.groups.map((g) => g.key) ?? [],
      blocked: computed.scoped.blocked.map((b) => b.file),
      html,
    };
  });

  deps.commands.register(COMMANDS.revealSource, async (uri: string, line: number, character = 0) => {
    const position = new vscode.Position(Number(line) || 0, Number(character) || 0);
    await vscode.window.showTextDocument(vscode.Uri.parse(String(uri)), { selection: new vscode.Range(position, position), viewColumn: vscode.ViewColumn.One });
  });

  return plans;
}
