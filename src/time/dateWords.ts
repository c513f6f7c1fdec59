// An instant for a reader: "20 Dec 2026, 17:35 UTC". The plan preview shows a tenant's timestamps this way, with the
// exact ISO text kept for a title (hover) or a log, and the offset from now beside it (relativeInWords).

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** `20 Dec 2026, 17:35 UTC`: the same text on every machine (no locale, no zone), to the minute. */
export function dateInWords(epochMs: number): string {
  const d = new Date(epochMs);
  const hh = String(d.getUTCHours()).padStart(2, '0');
  const mm = String(d.getUTCMinutes()).padStart(2, '0');
  return `${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}, ${hh}:${mm} UTC`;
}
