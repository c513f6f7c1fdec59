// The plan as one pull-request comment: a hidden marker names the definitions path and target so the action finds
// and updates its own comment (one per tenant of a matrix) instead of adding another; groups with risk marks come
// first; each group is collapsed; when the comment would pass GitHub's size limit it ends with a link to the full plan.
import type { Operation, Plan, GroupPlan } from '../plan/model';
import { detailLines, marksText } from '../plan/render/values';
import { symbolOf } from '../plan/render/symbols';
import { escapeControl, forMarkdown } from '../text/escape';

/** GitHub refuses comment bodies over 65,536 characters; the rest leaves room for the closing lines. */
export const COMMENT_LIMIT = 65_536;
const BUDGET = COMMENT_LIMIT - 2_000;

const esc = forMarkdown;
/** Inside a fenced block nothing is Markdown, but a run of backticks would close the fence early. */
const fenceSafe = (s: string) => escapeControl(s).replace(/`{3,}/g, (m) => m.replace(/`/g, 'ˋ'));
/** A marker is an HTML comment: `--` and `>` in its text would end it. */
const markerText = (s: string) => escapeControl(s).replace(/-{2,}|>/g, '-');

export function commentMarker(path: string, target: string): string {
  return `<!-- pim-groups plan: ${markerText(path)} @ ${markerText(target)} -->`;
}

const risky = (g: GroupPlan) => g.operations.some((o) => o.marks.length > 0);

function groupMarks(g: GroupPlan): string[] {
  return [...new Set(g.operations.flatMap((o) => o.marks))];
}

function groupBlock(g: GroupPlan): string {
  const marks = groupMarks(g);
  const lines = [
    `<details${risky(g) ? ' open' : ''}><summary>${marks.length ? `⚠️ ${esc(marks.join(', '))} · ` : ''}<b>${esc(g.displayName)}</b> <code>${esc(g.key)}</code>: ${g.operations.length} change(s)</summary>`,
    '',
    '```diff',
  ];
  const ordered: Operation[] = [
    ...g.operations.filter((o) => o.marks.length),
    ...g.operations.filter((o) => !o.marks.length),
  ];
  for (const op of ordered) {
    const sym = symbolOf(op).markdown;
    lines.push(fenceSafe(`${sym} ${op.summary}${marksText(op)}`));
    for (const d of detailLines(op)) lines.push(fenceSafe(`${sym}     ${d}`));
  }
  lines.push('```', '', '</details>');
  return lines.join('\n');
}

export interface CommentOptions {
  path: string;
  fullPlanUrl: string;
}

export function planComment(plan: Plan, o: CommentOptions): string {
  const s = plan.summary;
  const changed = plan.groups.filter((g) => g.operations.length);
  const head = [
    commentMarker(o.path, plan.target),
    `## PIM Groups plan for \`${esc(plan.target)}\``,
    '',
    changed.length
      ? `**${s.add}** to add, **${s.change}** to change, **${s.remove}** to remove${s.drift ? `, **${s.drift}** drift` : ''}.`
      : 'No changes: the tenant matches the definitions.',
    '',
  ];
  for (const i of plan.issues)
    head.push(`- ${i.severity === 'error' ? '❌' : '⚠️'} ${i.code} ${esc(i.groupKey ?? '')}: ${esc(i.message)}`);
  if (plan.issues.length) head.push('');
  const foot = `<sub>fingerprint \`${plan.fingerprint.slice(0, 12)}\` · ${esc(plan.createdAt)} · definitions \`${esc(o.path)}\`</sub>`;
  const blocks = [...changed.filter(risky), ...changed.filter((g) => !risky(g))].map(groupBlock);
  const body: string[] = [];
  let size = head.join('\n').length + foot.length;
  for (const [i, b] of blocks.entries()) {
    if (size + b.length + 1 > BUDGET) {
      body.push(
        `**${blocks.length - i} more group(s) not shown**: the comment would pass GitHub's size limit. [The full plan](${o.fullPlanUrl}) is in this run's artifacts.`,
        '',
      );
      break;
    }
    body.push(b, '');
    size += b.length + 1;
  }
  return [...head, ...body, foot].join('\n');
}
