// An instant for a reader: "20 Dec 2026, 17:35 UTC" and "in 20 days" / "2 hours ago". Hovers, the plan preview
// and anything else that shows a tenant's timestamp use these, with the exact ISO text kept for a title or a log.
import { plural } from './words';

/** `in 3 days` / `2 hours ago`, in the largest whole unit (rounded). */
export function relativeInWords(ms: number): string {
  const minutes = Math.round(Math.abs(ms) / 60000);
  const words =
    minutes >= 1440
      ? plural(Math.round(minutes / 1440), 'day')
      : minutes >= 60
        ? plural(Math.round(minutes / 60), 'hour')
        : plural(minutes, 'minute');
  return ms >= 0 ? `in ${words}` : `${words} ago`;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** `20 Dec 2026, 17:35 UTC`: the same text on every machine (no locale, no zone), to the minute. */
export function dateInWords(epochMs: number): string {
  const d = new Date(epochMs);
  const hh = String(d.getUTCHours()).padStart(2, '0');
  const mm = String(d.getUTCMinutes()).padStart(2, '0');
  return `${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}, ${hh}:${mm} UTC`;
}
