// Preview Changes: plans the active definition file (or the workspace) against the tenant and shows the plan with
// per-group sections, risk marks and links back to the definitions; files with errors are named, never planned.
import * as vscode from 'vscode';
import { COMMANDS } from '../commandIds';
import type { DefinitionsFeature } from '../common/definitionsFeature';
import type { ExtensionDeps } from '../common/deps';
import { UserCancelledError, UserFacingError } from '../infrastructure/errors';
import { PlanPreviewPanel } from './planPreviewPanel';
import { PlanScope, scopeLabel } from '../common/plans/planScope';
import { ComputedPlan, PlanService } from '../common/plans/planService';
import type { PreviewModel } from './planHtml';
import { targetNames } from '../common/targetName';

/** What Preview Changes returns (host tests read it). */
export interface PreviewResult {
  scope: PlanScope;
  summary?: import('../../plan/model').PlanSummary;
  groups: string[];
  blocked: string[];
  html: string;
}

export interface PreviewFeature {
  plans: PlanService;
  /** The open preview's HTML (undefined: closed). */
  html(): string | undefined;
}

export function registerPreview(
  context: vscode.ExtensionContext,
  deps: ExtensionDeps,
  definitions: DefinitionsFeature,
): PreviewFeature {
  const plans = new PlanService(definitions, deps);
  const panel = new PlanPreviewPanel();
  context.subscriptions.push(panel);

  let shown: PlanScope | undefined;
  const modelOf = async (scope: PlanScope, computed: ComputedPlan): Promise<PreviewModel> => ({
    scopeLabel: scopeLabel(scope),
    connectionLabel: computed.connection.label,
    targetName: await targetNames.nameOf(computed.connection, () => deps.connections.transport()),
    nowMs: Date.now(),
    plan: computed.plan,
    blocked: computed.scoped.blocked,
    fileUris: computed.fileUris,
    applyArgs: [scope.file ? (computed.fileUris[scope.file] ?? 'workspace') : 'workspace'],
  });

  const preview = async (scope: PlanScope): Promise<PreviewResult> => {
    const computed = await vscode.window.withProgress(
      {
        location: vscode.ProgressLocation.Notification,
        title: `PIM Groups: planning ${scopeLabel(scope)}…`,
        cancellable: true,
      },
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
      },
    );
    const html = panel.show(await modelOf(scope, computed));
    shown = scope;
    return {
      scope,
      summary: computed.plan?.summary,
      groups: computed.plan?.groups.map((g) => g.key) ?? [],
      blocked: computed.scoped.blocked.map((b) => b.file),
      html,
    };
  };

  deps.commands.register(COMMANDS.previewChanges, (arg?: unknown) => preview(plans.scopeOf(arg)));
  deps.commands.register(COMMANDS.previewFile, (arg?: unknown) => {
    const scope = plans.fileScopeOf(arg);
    if (!scope)
      throw new UserFacingError(
        'Open a *.pim.yaml definition to preview it, or use Preview Changes for the whole workspace.',
      );
    return preview(scope);
  });

  // The open preview follows the tenant: after a write or another connection it is planned again in place, so it
  // never offers to apply changes that are already applied; when that fails it says so and offers no Apply link.
  let refreshing = Promise.resolve();
  context.subscriptions.push(
    deps.tenant.onDidChange((change) => {
      refreshing = refreshing.then(async () => {
        const scope = shown;
        if (!scope || !panel.isOpen) return;
        const last = panel.lastModel;
        try {
          if (!deps.connections.current()) throw new Error('not connected');
          panel.show(await modelOf(scope, await plans.compute(scope)), false);
        } catch (error) {
          deps.log.warn(
            `Preview: could not plan ${scopeLabel(scope)} again after the ${change.cause}: ${(error as Error).message}`,
          );
          if (last)
            panel.show(
              {
                ...last,
                stale: `The tenant changed (${change.cause}) and this plan could not be made again: it is out of date. Run Preview Changes again.`,
              },
              false,
            );
        }
      });
    }),
  );

  deps.commands.register(COMMANDS.revealSource, async (uri: string, line: number, character = 0) => {
    const position = new vscode.Position(Number(line) || 0, Number(character) || 0);
    await vscode.window.showTextDocument(vscode.Uri.parse(String(uri)), {
      selection: new vscode.Range(position, position),
      viewColumn: vscode.ViewColumn.One,
    });
  });

  return { plans, html: () => panel.html };
}
