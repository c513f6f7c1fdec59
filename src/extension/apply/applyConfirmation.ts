// The modal question before an apply: how much changes where, and by name every removal and every risky change
// (permanent assignments, weaker policies, undoing changes made in the tenant). Pure.
import type { Operation, Plan, RiskMark } from '../../plan/model';
import type { ConfirmOptions } from '../infrastructure/userInput';

const LISTED = 8;
const RISKY: RiskMark[] = ['permanent', 'weakens-policy', 'drift', 'irreversible'];

function listed(ops: readonly Operation[], describe: (op: Operation) => string): string[] {
  const lines = ops.slice(0, LISTED).map((op) => `  • ${describe(op)}`);
  if (ops.length > LISTED) lines.push(`  … and ${ops.length - LISTED} more (see the preview)`);
  return lines;
}

/** `unsaved`: definition files in scope with unsaved edits (the plan includes them; the CLI reads the disk). */
export function applyConfirmation(plan: Plan, unsaved: readonly string[] = []): ConfirmOptions {
  const ops = plan.groups.flatMap((g) => g.operations);
  const s = plan.summary;
  const removals = ops.filter((o) => o.marks.includes('removal') || o.kind === 'removeAssignment');
  const risky = ops.filter((o) => !removals.includes(o) && o.marks.some((m) => RISKY.includes(m)));
  const groups = plan.groups.filter((g) => g.operations.length).length;
  const detail = [
    `${s.add} to add, ${s.change} to change, ${s.remove} to remove${s.drift ? `, ${s.drift} drift` : ''}, in ${groups} group${groups === 1 ? '' : 's'}.`,
  ];
  if (removals.length)
    detail.push('', `Removes ${removals.length}:`, ...listed(removals, (o) => `${o.groupKey}: ${o.summary}`));
  if (risky.length)
    detail.push(
      '',
      `Risky changes (${risky.length}):`,
      ...listed(risky, (o) => `${o.groupKey}: ${o.summary} [${o.marks.join(', ')}]`),
    );
  if (unsaved.length)
    detail.push(
      '',
      `Includes unsaved changes in ${unsaved.join(', ')}: save them so the CLI and the repository see what was applied.`,
    );
  return {
    message: `Apply ${ops.length} change${ops.length === 1 ? '' : 's'} to ${plan.target}?`,
    detail: detail.join('\n'),
    confirmLabel: 'Apply',
    modal: true,
  };
}
