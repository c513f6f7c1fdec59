// How long until an instant, in words. Two wordings, each one everywhere it is used: "ends in 3 days" (the largest
// whole unit) for the CLI's expiring report, the trees' ending-soon marks and plan notes; the compact "2 h 15 min
// left" / "starts in 6 days" for tree item descriptions and the status bar, where width is short.
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

/** "2 h 15 min left", "12 days left", "ended", "permanent" (end null or absent); an unreadable end as written. */
export function timeLeft(end: string | null | undefined, now: number = Date.now()): string {
  if (!end) return 'permanent';
  const ms = Date.parse(end) - now;
  if (Number.isNaN(ms)) return end;
  if (ms <= 0) return 'ended';
  const minutes = Math.ceil(ms / MINUTE);
  if (minutes < 60) return `${minutes} min left`;
  if (minutes < 48 * 60) {
    const h = Math.floor(minutes / 60),
      m = minutes % 60;
    return `${h} h${m ? ` ${m} min` : ''} left`;
  }
  return `${Math.floor(minutes / 1440)} days left`;
}

/** "ends in 2 h 10 min" (the deactivate picker's detail), "ended", "permanent". */
export function endsInWords(end: string | null | undefined, now: number = Date.now()): string {
  const left = timeLeft(end, now);
  return left.endsWith(' left') ? `ends in ${left.slice(0, -' left'.length)}` : left;
}

/** A start in the future: "starts in 6 days", "starts in 2 h"; undefined for none, a past or an unreadable one. */
export function startsIn(start: string | null | undefined, now: number = Date.now()): string | undefined {
  if (!start) return undefined;
  const ms = Date.parse(start) - now;
  if (Number.isNaN(ms) || ms <= 0) return undefined;
  const minutes = Math.ceil(ms / MINUTE);
  return minutes < 48 * 60 ? `starts in ${Math.ceil(minutes / 60)} h` : `starts in ${Math.floor(minutes / 1440)} days`;
}
