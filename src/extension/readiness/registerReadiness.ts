// Check Tenant Readiness: the engine's readiness checks (the same as `pim-groups doctor`) for the workspace's
// definitions against the connected tenant, shown in a webview with each failing item's fix.
import * as vscode from 'vscode';
import { COMMANDS } from '../commandIds';
import type { DefinitionsFeature } from '../common/definitionsFeature';
import type { ExtensionDeps } from '../common/deps';
import { loadEngine } from '../engine/engineLoader';
import { UserCancelledError } from '../infrastructure/errors';
import { ReadinessPanel } from './readinessPanel';

type ReadinessReport = import('../../readiness/model').ReadinessReport;

/** What the command returns (host tests read it). */
export interface ReadinessResultView {
  report: ReadinessReport;
  html: string;
}

export function registerReadiness(
  context: vscode.ExtensionContext,
  deps: ExtensionDeps,
  definitions: DefinitionsFeature,
): void {
  const panel = new ReadinessPanel();
  context.subscriptions.push(panel);

  deps.commands.register(COMMANDS.checkReadiness, async (): Promise<ReadinessResultView> => {
    await definitions.whenIdle();
    const result = definitions.lastResult();
    const ws = { groups: result?.groups ?? [], templates: result?.templates ?? [] };
    const transport = await deps.connections.transport();
    const connection = deps.connections.current()!;
    const engine = loadEngine();
    const report = await vscode.window.withProgress(
      {
        location: vscode.ProgressLocation.Notification,
        title: 'PIM Groups: checking tenant readiness…',
        cancellable: true,
      },
      async (_progress, token) => {
        const abort = new AbortController();
        token.onCancellationRequested(() => abort.abort());
        try {
          return await engine.readiness.runReadiness(transport, ws, {
            target: connection.label,
            // The editor plans, applies and activates, so it checks all three.
            commands: ['plan', 'apply', 'activate'],
            signal: abort.signal,
          });
        } catch (error) {
          if (abort.signal.aborted) throw new UserCancelledError('the readiness check');
          throw error;
        }
      },
    );
    const counts = ['pass', 'warn', 'fail'].map((s) => report.results.filter((r) => r.status === s).length);
    deps.log.info(
      `Tenant readiness of ${connection.label}: ${counts[0]} passed, ${counts[1]} warned, ${counts[2]} failed`,
    );
    return { report, html: panel.show(report) };
  });
}
