// Hover text for durations and instants: what `P1DT2H` or `2027-03-31T23:59:59+10:00` means, in words, with
// the PIM rules where they apply. Pure (uses src/time), so it is unit-tested.
import { minutesInWords, parseDuration, parseInstant, relativeInWords as relative } from '../../time';

/** Matches a duration or an instant under the cursor (VS Code's getWordRangeAtPosition pattern). */
export const HOVER_VALUE_PATTERN =
  /P(?:\d+[YMWD])*(?:T(?:\d+[HMS])+)?|\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:[Zz]|[+-]\d{2}:\d{2})/;

/** Markdown for the value, or undefined when it is neither a duration nor an instant. */
export function valueHover(text: string, now: Date = new Date()): string | undefined {
  if (text.startsWith('P')) {
    const d = parseDuration(text);
    if (d.ok)
      return `**${text}** — ${minutesInWords(d.minutes)}${d.canonical !== text ? ` (also written \`${d.canonical}\`)` : ''}`;
    if (d.error === 'unsupported-unit') return `**${text}** — ${d.message}`;
    return undefined;
  }
  const i = parseInstant(text);
  if (!i.ok) return undefined;
  const utc = new Date(i.epochMs).toUTCString().replace('GMT', 'UTC');
  return `**${text}** — ${utc}, ${relative(i.epochMs - now.getTime())}`;
}
