// ISO 8601 durations as PIM for Groups accepts them: days, hours and minutes only.
// Years, months, weeks (and seconds) are valid ISO 8601, but the service refuses them (400
// InvalidRoleAssignmentRequest for P1Y/P6M), so they come back as `unsupported-unit` with a day-based suggestion.

export type DurationUnit = 'Y' | 'M' | 'W' | 'D' | 'H' | 'm' | 'S';

export type DurationParse =
  | { ok: true; minutes: number; canonical: string }
  | { ok: false; error: 'syntax'; message: string }
  | {
      ok: false;
      error: 'unsupported-unit';
      /** The designators PIM refuses, as written: Y, M (months), W, S. */
      units: ('Y' | 'M' | 'W' | 'S')[];
      /** Total minutes when the value converts exactly (Y = 365 days, M = 30 days, W = 7 days). */
      minutes?: number;
      /** The day-based spelling that PIM accepts (e.g. `P365D` for `P1Y`), when the value converts exactly. */
      suggestion?: string;
      message: string;
    };

const MINUTES_PER_HOUR = 60;
const MINUTES_PER_DAY = 24 * MINUTES_PER_HOUR;
/** The conversions a quick fix offers: a year is 365 days, a month 30 days (P6M → P180D), a week 7 days. */
export const DAYS_PER_YEAR = 365;
export const DAYS_PER_MONTH = 30;
export const DAYS_PER_WEEK = 7;

// Whole numbers only; a decimal fraction is ISO-legal but neither Graph nor the portal writes one.
const PATTERN = /^P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?$/;
const ACCEPTED = 'an ISO 8601 duration in days, hours and minutes, e.g. P90D, PT8H, PT1H45M or P1DT2H';

/** Parses an ISO 8601 duration with the PIM rules. Never throws. */
/** Days from 0001-01-01 to 9999-12-31. */
const MAX_DURATION_DAYS = 3_652_059;

export function parseDuration(text: string): DurationParse {
  if (typeof text !== 'string') return { ok: false, error: 'syntax', message: `Expected ${ACCEPTED}.` };
  const m = PATTERN.exec(text);
  const hasTimePart = text.includes('T');
  if (!m || text === 'P' || (hasTimePart && /T$/.test(text)) || !/\d/.test(text)) {
    return { ok: false, error: 'syntax', message: syntaxMessage(text) };
  }
  const [years, months, weeks, days, hours, mins, secs] = m
    .slice(1)
    .map((g) => (g === undefined ? undefined : Number(g)));
  const parts = [years, months, weeks, days, hours, mins, secs];
  if (parts.some((p) => p !== undefined && !Number.isSafeInteger(p))) {
    return { ok: false, error: 'syntax', message: `'${text}' is too large to be a duration.` };
  }
  const dayTotal =
    (years ?? 0) * DAYS_PER_YEAR + (months ?? 0) * DAYS_PER_MONTH + (weeks ?? 0) * DAYS_PER_WEEK + (days ?? 0);
  const secondTotal = (dayTotal * MINUTES_PER_DAY + (hours ?? 0) * MINUTES_PER_HOUR + (mins ?? 0)) * 60 + (secs ?? 0);
  if (!Number.isSafeInteger(secondTotal))
    return { ok: false, error: 'syntax', message: `'${text}' is too large to be a duration.` };
  // Graph stores instants up to 9999-12-31: a longer span than 0001-01-01..9999-12-31 can never end on one.
  if (secondTotal > MAX_DURATION_DAYS * MINUTES_PER_DAY * 60)
    return {
      ok: false,
      error: 'syntax',
      message: `'${text}' is longer than any schedule can last (nothing ends after 9999-12-31).`,
    };

  const units: ('Y' | 'M' | 'W' | 'S')[] = [];
  if (years !== undefined) units.push('Y');
  if (months !== undefined) units.push('M');
  if (weeks !== undefined) units.push('W');
  if (secs !== undefined) units.push('S');
  if (units.length === 0) {
    const minutes = secondTotal / 60;
    return { ok: true, minutes, canonical: formatDuration(minutes) };
  }
  const exact = secondTotal % 60 === 0;
  const minutes = exact ? secondTotal / 60 : undefined;
  const suggestion = minutes === undefined ? undefined : formatDuration(minutes);
  const names = units.map((u) => ({ Y: 'years', M: 'months', W: 'weeks', S: 'seconds' })[u]).join(' and ');
  const message = suggestion
    ? `PIM refuses ${names} in durations; write '${suggestion}' instead of '${text}'.`
    : `PIM refuses ${names} in durations; use whole minutes, hours or days instead of '${text}'.`;
  return { ok: false, error: 'unsupported-unit', units, minutes, suggestion, message };
}

function syntaxMessage(text: string): string {
  if (/^p/.test(text) && PATTERN.test(text.toUpperCase()))
    return `Duration designators are upper case: write '${text.toUpperCase()}'.`;
  if (/^\d+$/.test(text.trim())) return `'${text}' has no unit; write ${ACCEPTED}.`;
  if (/[.,]\d/.test(text)) return `'${text}' has a fraction; PIM takes whole numbers: write ${ACCEPTED}.`;
  return `'${text}' is not a valid duration; write ${ACCEPTED}.`;
}

/** Minutes → canonical ISO: days, then hours and minutes (`P90D`, `PT8H`, `PT1H45M`, `P1DT2H`, `PT0M`). */
export function formatDuration(minutes: number): string {
  if (!Number.isSafeInteger(minutes) || minutes < 0)
    throw new RangeError(`formatDuration: ${minutes} is not a whole, non-negative number of minutes`);
  if (minutes === 0) return 'PT0M';
  const days = Math.floor(minutes / MINUTES_PER_DAY);
  const hours = Math.floor((minutes % MINUTES_PER_DAY) / MINUTES_PER_HOUR);
  const mins = minutes % MINUTES_PER_HOUR;
  let text = 'P';
  if (days) text += `${days}D`;
  if (hours || mins) text += 'T' + (hours ? `${hours}H` : '') + (mins ? `${mins}M` : '');
  return text;
}

/** Total minutes of a duration PIM accepts, or undefined. */
export function durationMinutes(text: string): number | undefined {
  const p = parseDuration(text);
  return p.ok ? p.minutes : undefined;
}
