// Instants as RFC 3339 date-times with an explicit zone (`Z` or `±hh:mm`), the form Graph's schedules use.

export type InstantParse =
  | { ok: true; epochMs: number; canonical: string }
  | {
      ok: false;
      message: string;
      /** A corrected spelling when the fix is obvious (a date without a time). */ suggestion?: string;
    };

const PATTERN = /^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2}):(\d{2})(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$/;
/** The last instant Graph stores (9999-12-31): no schedule can start or end after it. */
export const LAST_INSTANT_MS = Date.parse('9999-12-31T23:59:59.999Z');
const EXAMPLE = '2026-12-01T08:00:00Z';

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Parses an RFC 3339 instant; a missing zone or an impossible date is an error, never a guess. Never throws. */
export function parseInstant(text: string): InstantParse {
  if (typeof text !== 'string') return { ok: false, message: `Expected an RFC 3339 date-time such as ${EXAMPLE}.` };
  const m = PATTERN.exec(text);
  if (!m) {
    if (/^\d{4}-\d{2}-\d{2}$/.test(text)) {
      const suggestion = `${text}T00:00:00Z`;
      return {
        ok: false,
        message: `'${text}' is a date without a time; write '${suggestion}' (UTC) or add the time you mean.`,
        suggestion,
      };
    }
    if (/^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}:\d{2}(\.\d+)?$/.test(text)) {
      return {
        ok: false,
        message: `'${text}' has no time zone; add 'Z' for UTC or an offset such as '+10:00'.`,
        suggestion: `${text}Z`,
      };
    }
    return { ok: false, message: `'${text}' is not an RFC 3339 date-time; write e.g. ${EXAMPLE}.` };
  }
  const [year, month, day, hour, minute, second] = m.slice(1, 7).map(Number);
  const fraction = m[7] ? Math.floor(Number(`0${m[7]}`) * 1000) : 0;
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
    return { ok: false, message: `'${text}' is not a calendar date.` };
  }
  // Leap seconds (:60) are RFC-legal but Graph and JavaScript dates cannot hold them.
  if (hour > 23 || minute > 59 || second > 59) return { ok: false, message: `'${text}' is not a valid time of day.` };
  let offsetMinutes = 0;
  const zone = m[8];
  if (zone !== 'Z' && zone !== 'z') {
    const oh = Number(zone.slice(1, 3));
    const om = Number(zone.slice(4, 6));
    if (oh > 23 || om > 59) return { ok: false, message: `'${text}' has an invalid UTC offset.` };
    offsetMinutes = (zone[0] === '-' ? -1 : 1) * (oh * 60 + om);
  }
  // setUTCFullYear, because Date.UTC maps years 0–99 to 1900–1999.
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  date.setUTCHours(hour, minute, second, fraction);
  const epochMs = date.getTime() - offsetMinutes * 60_000;
  if (epochMs > LAST_INSTANT_MS)
    return { ok: false, message: `'${text}' is after 9999-12-31T23:59:59Z, the last instant Graph stores.` };
  return { ok: true, epochMs, canonical: formatInstant(epochMs) };
}

/** Epoch milliseconds → `YYYY-MM-DDThh:mm:ssZ` (milliseconds only when present). */
export function formatInstant(epochMs: number): string {
  const iso = new Date(epochMs).toISOString();
  return iso.endsWith('.000Z') ? iso.slice(0, -5) + 'Z' : iso;
}

/** The instant `minutes` after `epochMs`. */
export function addMinutes(epochMs: number, minutes: number): number {
  return epochMs + minutes * 60_000;
}

/** Whole minutes from `fromMs` to `toMs`, rounded down (negative when `toMs` is earlier). */
export function minutesBetween(fromMs: number, toMs: number): number {
  return Math.floor((toMs - fromMs) / 60_000);
}
