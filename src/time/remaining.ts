// "ends in 3 days": how long until an instant, in the largest whole unit, for reports, tree marks and plan notes.
// One wording everywhere, so the CLI's expiring report, the trees and the plan say the same thing.
import { plural as unit } from './words';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** The window in which an end counts as soon: the plan's note (PIM222), the trees' marks and the default of
 *  `report expiring` (its --within P14D). */
export const ENDING_SOON_MINUTES = 14 * 24 * 60;

/** `ends in 3 days` / `ends in 5 hours` / `ends in 20 minutes` / `ended`; whole units, rounded down (a schedule
 *  ending in 3 days 20 hours "ends in 3 days"). */
export function endsIn(endMs: number, nowMs: number): string {
  const left = endMs - nowMs;
  if (left <= 0) return 'ended';
  if (left >= DAY) return `ends in ${unit(Math.floor(left / DAY), 'day')}`;
  if (left >= HOUR) return `ends in ${unit(Math.floor(left / HOUR), 'hour')}`;
  return `ends in ${unit(Math.max(1, Math.floor(left / MINUTE)), 'minute')}`;
}

/** True when `end` falls after now and no later than now + `withinMinutes` (a permanent schedule never does). */
export function endsWithin(end: string | null | undefined, nowMs: number, withinMinutes: number): boolean {
  if (!end) return false;
  const at = Date.parse(end);
  return Number.isFinite(at) && at > nowMs && at <= nowMs + withinMinutes * MINUTE;
}

/** `in 3 days` / `2 hours ago`: an offset from now, in the largest whole unit (hovers, "assigned 3 days ago"). */
export function relativeInWords(ms: number): string {
  const minutes = Math.round(Math.abs(ms) / MINUTE);
  const words =
    minutes >= 1440
      ? unit(Math.round(minutes / 1440), 'day')
      : minutes >= 60
        ? unit(Math.round(minutes / 60), 'hour')
        : unit(minutes, 'minute');
  return ms >= 0 ? `in ${words}` : `${words} ago`;
}
