// The plan as Markdown, for pull-request comments and the editor's preview. Source links are relative paths with
// line anchors (GitHub's #L<n> form).
import type { Plan } from '../model';
import { symbolOf } from './symbols';
import { detailLines, marksText } from './values';
import { grantsLines } from '../../bindings/renderBindings';
import { escapeControl, forMarkdown } from '../../text/escape';

const esc = forMarkdown;

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
