// The modal question before an apply: which tenant, how much changes, and by name every removal and every risky
// change (the plan's risk summary, the one the preview and the terminal plan show first). Pure.
import type { Plan } from '../../plan/model';
import { riskLines, riskSummary } from '../../plan/render/risks';
import type { ConfirmOptions } from '../infrastructure/userInput';

const LISTED = 8;

/**
 * `target`: the tenant in words ("Contoso Ltd (contoso.com)" or "the Sandbox"), never the Graph URL.
 * `unsaved`: definition files in scope with unsaved edits (the plan includes them; the CLI reads the disk).
 */
export function applyConfirmation(plan: Plan, target: string, unsaved: readonly string[] = []): ConfirmOptions {
  const ops = plan.groups.flatMap((g) => g.operations);
  const summary = riskSummary(plan);
  const detail = [summary.counts];
  const risks = riskLines(summary, LISTED);
  if (risks.length) detail.push('', ...risks);
  if (summary.risks.some((r) => r.ops.length > LISTED)) detail.push('', 'The preview lists every change.');
  if (unsaved.length)
    detail.push(
      '',
      `Includes unsaved changes in ${unsaved.join(', ')}: save them so the CLI and the repository see what was applied.`,
    );
  return {
    message: `Apply ${ops.length} change${ops.length === 1 ? '' : 's'} to ${target}?`,
    detail: detail.join('\n'),
    confirmLabel: 'Apply',
    modal: true,
  };
}
