// The plan for a terminal: per group, one line per operation with its marks, details indented; issues first.
import type { Plan } from '../model';
import { riskLines, riskSummary } from './risks';
import { symbolOf } from './symbols';
import { detailLines, marksText } from './values';
import { grantsLines } from '../../bindings/renderBindings';
import { escapeControl } from '../../text/escape';

/** Per risk kind, how many operations the summary at the top names (all of them are listed below it). */
const RISKS_LISTED = 10;

export interface TextOptions {
  color?: boolean;
}

/** Names, messages and justifications come from files and the tenant: no control character of theirs reaches the
 *  terminal (only the colours painted here do). */
const v = escapeControl;
const paint = (on: boolean | undefined, code: number, s: string) => (on ? `\u001b[${code}m${s}\u001b[0m` : s);

export function renderText(plan: Plan, opts: TextOptions = {}): string {
  const out: string[] = [];
  const c = opts.color;
  for (const i of plan.issues) {
    const where = i.source ? ` (${i.source.file}:${i.source.range.start.line + 1})` : '';
    out.push(
      paint(
        c,
        i.severity === 'error' ? 31 : 33,
        v(`${i.severity} ${i.code}${i.groupKey ? ` [${i.groupKey}]` : ''}: ${i.message}${where}`),
      ),
    );
  }
  if (plan.issues.length) out.push('');
  // Removals and risky changes first (as the editor's preview and the Apply dialog show them), then every group.
  const risks = riskLines(riskSummary(plan), RISKS_LISTED);
  if (risks.length) out.push(paint(c, 35, 'Review first:'), ...risks.map((l) => `  ${v(l)}`), '');
  for (const g of plan.groups) {
    if (!g.operations.length) continue;
    out.push(v(`${g.displayName} (${g.key}${g.groupId ? `, ${g.groupId}` : ', new'})`));
    for (const l of grantsLines(g)) out.push(`  ${v(l)}`);
    for (const op of g.operations) {
      const sym = symbolOf(op);
      out.push(`  ${paint(c, sym.ansi, sym.text)} ${v(op.summary)}${paint(c, 35, marksText(op))}`);
      for (const d of detailLines(op)) out.push(`      ${v(d)}`);
    }
    out.push('');
  }
  const s = plan.summary;
  if (!plan.groups.some((g) => g.operations.length))
    out.push(
      s.errors
        ? 'No changes can be planned until the errors are fixed.'
        : 'No changes: the tenant matches the definitions.',
    );
  else
    out.push(
      `Plan: ${s.add} to add, ${s.change} to change, ${s.remove} to remove${s.drift ? ` (${s.drift} drift)` : ''}.`,
    );
  if (s.errors) out.push(paint(c, 31, `${s.errors} error(s): nothing will be applied.`));
  return out.join('\n');
}
