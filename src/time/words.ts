// Durations in words ("1 day 2 hours 30 minutes"): what hovers, completion items and activation prompts show beside
// an ISO 8601 value, so a reader never has to decode `P1DT2H30M`.

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
