// Apply Changes: in a trusted workspace only; applies the previewed plan when the definitions are unchanged since
// (else plans now), after a modal confirmation naming removals and risky changes, with a cancellable progress
// notification. A stale plan is refused with an offer to preview again; a converged apply updates the applied
// record the CLI also reads, so both tell drift the same way.
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import type { ApplyReport } from '../../apply/model';
import { readAppliedRecord, recordAfterApply, writeAppliedRecord } from '../../plan/appliedRecordFile';
import { hasErrors, isEmpty, Plan } from '../../plan/model';
import { COMMANDS } from '../commandIds';
import { loadEngine } from '../engine/engineLoader';
import type { ExtensionDeps } from '../common/deps';
import { UserCancelledError, UserFacingError, hasCode, isAborted } from '../infrastructure/errors';
import { definitionPathOf } from '../common/plans/definitionPaths';
import { scopeKey, scopeLabel } from '../common/plans/planScope';
import type { PlanService } from '../common/plans/planService';
import { planTarget } from '../common/plans/planTarget';
import { targetNames } from '../common/targetName';
import { applyConfirmation } from './applyConfirmation';
import { OPEN_RECORD, recordNotice } from './recordNotice';
import { applySummary, progressStep } from './applyReporting';
import { refuseWhenUntrusted } from './workspaceTrust';

/** What Apply Changes returns (host tests read it); undefined fields when nothing was applied. */
export interface ApplyResult {
  applied: boolean;
  summary: string;
  converged?: boolean;
  counts?: ApplyReport['counts'];
  recordFile?: string;
  /** Set when this apply wrote the workspace's first applied record of the tenant: what the user was told. */
  recordNotice?: string;
  /** The tenant the confirmation named. */
  target?: string;
}

export function registerApply(deps: ExtensionDeps, plans: PlanService): void {
  const previewAgain = (arg: unknown) => ({
    title: 'Preview Again',
    run: () => vscode.commands.executeCommand(COMMANDS.previewChanges, arg),
  });

  deps.commands.register(COMMANDS.applyChanges, async (arg?: unknown): Promise<ApplyResult> => {
    refuseWhenUntrusted(vscode.workspace.isTrusted, 'Applying changes', {
      title: 'Manage Workspace Trust',
      run: () => vscode.commands.executeCommand('workbench.trust.manage'),
    });
    const scope = plans.scopeOf(arg);
    const snap = await plans.snapshot(scope);
    if (snap.scoped.blocked.length) {
      throw new UserFacingError(
        `${snap.scoped.blocked.map((b) => b.file).join(', ')} ${snap.scoped.blocked.length === 1 ? 'has' : 'have'} errors; fix them before applying.`,
        [{ title: 'Show Problems', run: () => vscode.commands.executeCommand('workbench.actions.view.problems') }],
      );
    }
    const connection = deps.connections.current();
    const stored = plans.store.planFor(scopeKey(scope), snap.signature);
    const plan: Plan | undefined =
      stored && connection && stored.target === planTarget(connection) ? stored : (await plans.compute(scope)).plan;
    if (plan && stored === plan)
      deps.log.info(`Applying the previewed plan ${plan.fingerprint.slice(0, 12)} of ${scopeLabel(scope)}`);
    if (!plan || isEmpty(plan)) {
      const summary = `Nothing to apply: the tenant matches ${scopeLabel(scope)}.`;
      void vscode.window.showInformationMessage(summary);
      return { applied: false, summary };
    }
    if (hasErrors(plan))
      throw new UserFacingError(
        `The plan for ${scopeLabel(scope)} has ${plan.summary.errors} error(s); nothing was applied.`,
        [previewAgain(arg)],
      );

    const planned = new Set(plan.groups.map((g) => g.source?.file).filter((f): f is string => Boolean(f)));
    const unsaved = vscode.workspace.textDocuments
      .filter((d) => d.isDirty && planned.has(definitionPathOf(d.uri)))
      .map((d) => definitionPathOf(d.uri));
    const transport = await deps.connections.transport();
    const target = connection ? await targetNames.nameOf(connection, async () => transport) : plan.target;
    await deps.ui.confirm(applyConfirmation(plan, target, unsaved));
    const engine = loadEngine();
    let report: ApplyReport;
    try {
      report = await vscode.window.withProgress(
        {
          location: vscode.ProgressLocation.Notification,
          title: `PIM Groups: applying ${scopeLabel(scope)}`,
          cancellable: true,
        },
        (progress, token) => {
          const abort = new AbortController();
          token.onCancellationRequested(() => abort.abort());
          return engine.apply.applyPlan(transport, plan, {
            signal: abort.signal,
            onEvent: (e) => {
              const step = progressStep(e);
              deps.log.info(`apply: ${step.message}`);
              progress.report(step);
            },
          });
        },
      );
    } catch (error) {
      if (hasCode(error, 'PIM_STALE_PLAN')) {
        throw new UserFacingError(
          'The tenant changed since this plan was made; nothing was applied. Preview again to review the new plan.',
          [previewAgain(arg)],
        );
      }
      if (isAborted(error)) throw new UserCancelledError('applying');
      throw error;
    } finally {
      // Whatever happened, that plan is spent: the next apply plans again.
      plans.store.forget(scopeKey(scope));
      // Converged, partial or cancelled, the tenant may have been written: every view and the open preview read it
      // again (after a refusal this costs one read and changes nothing).
      deps.tenant.wrote('apply');
    }

    for (const o of report.outcomes.filter((x) => x.status !== 'done'))
      deps.log.warn(
        `apply: ${o.status}: ${o.groupKey}: ${o.summary}${o.message ? ` — ${o.message}` : ''}${o.requestId ? ` [request-id ${o.requestId}]` : ''}`,
      );
    let recordFile: string | undefined;
    let firstRecord = false;
    if (report.converged) {
      recordFile = plans.recordFile(scope, snap.fileUris);
      const record = recordFile ? recordAfterApply(readAppliedRecord(recordFile), plan) : undefined;
      firstRecord = Boolean(recordFile && record && !fs.existsSync(recordFile));
      if (recordFile && record) writeAppliedRecord(recordFile, record);
      plans.store.markInSync(
        plan.groups.map((g) => g.key),
        new Date().toISOString(),
      );
    }
    const summary = applySummary(report);
    deps.log.info(summary.text);
    // The first record in a workspace appears without being asked for: say once what it is and why it stays.
    const notice = firstRecord && recordFile ? recordNotice(vscode.workspace.asRelativePath(recordFile)) : undefined;
    if (notice) deps.log.info(notice.text);
    const show = {
      info: vscode.window.showInformationMessage,
      warning: vscode.window.showWarningMessage,
      error: vscode.window.showErrorMessage,
    }[summary.level];
    const buttons = notice ? [OPEN_RECORD, 'Show Log'] : ['Show Log'];
    void Promise.resolve(show(notice ? `${summary.text} ${notice.text}` : summary.text, ...buttons)).then((choice) => {
      if (choice === 'Show Log') deps.log.show();
      if (choice === OPEN_RECORD && recordFile) void vscode.window.showTextDocument(vscode.Uri.file(recordFile));
    });
    return {
      applied: true,
      summary: summary.text,
      converged: report.converged,
      counts: report.counts,
      recordFile,
      recordNotice: notice?.text,
      target,
    };
  });
}
