// The plan as Markdown, for pull-request comments and the editor's preview. Source links are relative paths with
// line anchors (GitHub's #L<n> form).
import type { Plan } from '../model';
import { riskSummary } from './risks';
import { symbolOf } from './symbols';
import { detailLines, marksText } from './values';
import { grantsLines } from '../../bindings/renderBindings';
import { escapeControl, forMarkdown } from '../../text/escape';

const esc = forMarkdown;
/** Per risk kind, how many operations the list at the top names (a pull-request comment has a size limit). */
const RISKS_NAMED = 5;

export function renderMarkdown(plan: Plan): string {
  const s = plan.summary;
  const out: string[] = ['## PIM Groups plan', ''];
  const changed = plan.groups.filter((g) => g.operations.length);
  out.push(
    changed.length
      ? `**${s.add}** to add, **${s.change}** to change, **${s.remove}** to remove${s.drift ? `, **${s.drift}** drift` : ''}.`
      : 'No changes: the tenant matches the definitions.',
    '',
  );
  // Removals and risky changes by kind, as the terminal plan and the editor's preview start with them.
  const risks = riskSummary(plan).risks;
  for (const r of risks) {
    const named = r.ops.slice(0, RISKS_NAMED).map((o) => esc(`${o.groupKey}: ${o.summary}`));
    const more = r.ops.length > RISKS_NAMED ? `; and ${r.ops.length - RISKS_NAMED} more below` : '';
    out.push(`- ⚠ **${r.title}** (${r.ops.length}): ${named.join('; ')}${more}`);
  }
  if (risks.length) out.push('');
  if (plan.issues.length) {
    out.push('### Issues', '', '| | code | group | message |', '|---|---|---|---|');
    for (const i of plan.issues) {
      const link = i.source
        ? ` ([${esc(i.source.file)}:${i.source.range.start.line + 1}](${i.source.file}#L${i.source.range.start.line + 1}))`
        : '';
      out.push(
        `| ${i.severity === 'error' ? '❌' : '⚠️'} | ${i.code} | ${esc(i.groupKey ?? '')} | ${esc(i.message)}${link} |`,
      );
    }
    out.push('');
  }
  for (const g of changed) {
    out.push(`### ${esc(g.displayName)} \`${g.key}\``, '');
    for (const l of grantsLines(g)) out.push(`_${esc(l)}_`, '');
    out.push('```diff');
    for (const op of g.operations) {
      const sym = symbolOf(op).markdown;
      // Inside the diff block nothing is Markdown; one line per entry, so no value may break the block's lines.
      out.push(`${sym} ${escapeControl(op.summary)}${marksText(op)}`);
      for (const d of detailLines(op)) out.push(`${sym}     ${escapeControl(d)}`);
    }
    out.push('```', '');
  }
  out.push(`<sub>fingerprint \`${plan.fingerprint.slice(0, 12)}\` · ${plan.createdAt} · ${esc(plan.target)}</sub>`);
  return out.join('\n');
}
