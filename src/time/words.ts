// Durations in words ("1 day 2 hours 30 minutes"): what hovers, completion items, the Groups tree's policy lines and
// activation prompts show beside an ISO 8601 value, so a reader never has to decode `P1DT2H30M`.
import { parseDuration } from './duration';

export const plural = (n: number, unit: string): string => `${n} ${unit}${n === 1 ? '' : 's'}`;

/** `1590` → `1 day 2 hours 30 minutes`. */
export function minutesInWords(minutes: number): string {
  if (minutes === 0) return '0 minutes';
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const rest = minutes % 60;
  return [days && plural(days, 'day'), hours && plural(hours, 'hour'), rest && plural(rest, 'minute')]
    .filter(Boolean)
    .join(' ');
}

const UNITS: Record<string, string> = { D: 'day', H: 'hour', M: 'minute' };

/**
 * An ISO duration in words, unit by unit as written: `PT8H` → `8 hours`, `PT24H` → `24 hours` (not "1 day": the
 * words match the value beside them), `P1DT2H30M` → `1 day 2 hours 30 minutes`. A value PIM would not accept
 * (`P1Y`, seconds, nonsense) is returned as written: the reader sees what the tenant holds, never a rounded guess.
 */
export function durationInWords(iso: string): string {
  // Accepted by PIM means only D, H and M (minutes, after T) designators: each M below is minutes.
  if (!parseDuration(iso).ok) return iso;
  const words = [...iso.matchAll(/(\d+)([DHM])/g)]
    .filter(([, n]) => Number(n) > 0)
    .map(([, n, unit]) => plural(Number(n), UNITS[unit]));
  return words.join(' ') || '0 minutes';
}
