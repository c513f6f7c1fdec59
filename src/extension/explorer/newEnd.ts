// The new end an administrator types for Update, Extend or Renew: a length from now (`90d`, `8h`, `P30D`), an exact
// date-time (`2027-03-31T23:59:59Z`) or `permanent`. Durations and instants go through src/time, so the messages
// are the editor's own. Pure: no `vscode` (unit-tested).
import type { ScheduleSpec } from '../../plan/model';
import { addMinutes, formatInstant, MIN_ASSIGNMENT_MINUTES, parseDurationInput, parseInstant } from '../../time';

export type NewEnd = { ok: true; spec: ScheduleSpec; endMs?: number } | { ok: false; message: string };

export interface NewEndRules {
  now: number;
  /** The schedule's current end (ms); Extend must go past it. */
  currentEnd?: number;
  /** Extend: the new end must be later than the current one. */
  mustBeLater?: boolean;
  /** Extend cannot make an assignment permanent (that is an Update). */
  allowPermanent: boolean;
}

export const NEW_END_PROMPT =
  'New end: a length from now (90d, 8h, P30D), a date-time (2027-03-31T23:59:59Z) or "permanent"';

export function parseNewEnd(text: string, rules: NewEndRules): NewEnd {
  const t = text.trim();
  if (!t) return { ok: false, message: NEW_END_PROMPT };
  if (/^permanent$/i.test(t))
    return rules.allowPermanent
      ? { ok: true, spec: { permanent: true } }
      : { ok: false, message: 'Extend sets a later end; to make the assignment permanent, use Update Assignment.' };
  let endMs: number;
  if (/^\d{4}-\d{2}-\d{2}/.test(t)) {
    const instant = parseInstant(t);
    if (!instant.ok) return { ok: false, message: instant.message };
    endMs = instant.epochMs;
  } else {
    const duration = parseDurationInput(t);
    if (!duration.ok) return { ok: false, message: duration.message };
    endMs = addMinutes(rules.now, duration.minutes);
  }
  if (endMs < addMinutes(rules.now, MIN_ASSIGNMENT_MINUTES))
    return { ok: false, message: 'The new end must be at least 5 minutes from now; PIM refuses shorter assignments.' };
  if (rules.mustBeLater && rules.currentEnd !== undefined && endMs <= rules.currentEnd)
    return {
      ok: false,
      message: `An extension must end later than the current end (${new Date(rules.currentEnd).toISOString()}).`,
    };
  return { ok: true, spec: { until: formatInstant(endMs - (endMs % 1000)) }, endMs };
}
