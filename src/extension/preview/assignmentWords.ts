// Assignment operations as HTML for the preview: lengths in words ("for 90 days") and instants in words
// ("until 20 Dec 2026, 17:35 UTC (in 20 days)") with the exact ISO value on hover, instead of the planner's
// `until 2026-12-20T17:35:22.745Z` / `for P90D`. Built from the operation's fields, never by rewriting its summary
// (a name or a justification that looks like a date stays as written). Everything from the tenant or a file is
// escaped. Pure: no `vscode`.
import type { AssignmentOp, ScheduleSpec, ScheduleState } from '../../plan/model';
import { forHtml } from '../../text/escape';
import { dateInWords, durationInWords, relativeInWords } from '../../time';

/** An instant in words, the exact value in its title (hover) and datetime attribute. */
export function timeHtml(iso: string, nowMs: number): string {
  const at = Date.parse(iso);
  if (Number.isNaN(at)) return forHtml(iso);
  return `<time datetime="${forHtml(iso)}" title="${forHtml(iso)}">${dateInWords(at)} (${relativeInWords(at - nowMs)})</time>`;
}

/** A length in words, the ISO duration on hover. */
function lengthHtml(iso: string): string {
  const words = durationInWords(iso);
  return words === iso ? forHtml(iso) : `<span class="len" title="${forHtml(iso)}">${words}</span>`;
}

export function specHtml(spec: ScheduleSpec, nowMs: number): string {
  const when = spec.permanent
    ? 'permanent'
    : spec.until
      ? `until ${timeHtml(spec.until, nowMs)}`
      : spec.duration
        ? `for ${lengthHtml(spec.duration)}`
        : 'for the default length';
  return spec.start ? `${when} from ${timeHtml(spec.start, nowMs)}` : when;
}

export function stateHtml(s: ScheduleState, nowMs: number): string {
  if (s.permanent) return 'permanent';
  return s.end ? `until ${timeHtml(s.end, nowMs)}` : 'no end';
}

/** The operation's line: "add eligible member user:lead@contoso.com for 180 days". */
export function assignmentHtml(op: AssignmentOp, nowMs: number): string {
  const who = forHtml(`${op.assignmentKind} ${op.role} ${op.principal.ref}`);
  switch (op.kind) {
    case 'addAssignment':
      return op.marks.includes('renewal')
        ? `renew ${who} ${specHtml(op.schedule, nowMs)} (it had expired)`
        : `add ${who} ${specHtml(op.schedule, nowMs)}`;
    case 'updateAssignment':
      return `${op.action === 'adminExtend' ? 'extend' : 'update'} ${who}: ${stateHtml(op.before, nowMs)} → ${specHtml(op.schedule, nowMs)}`;
    case 'removeAssignment':
      return `remove ${who} (${stateHtml(op.before, nowMs)}; ${op.marks.includes('drift') ? 'added in the tenant since the last apply' : 'not in the definitions'})`;
  }
}
