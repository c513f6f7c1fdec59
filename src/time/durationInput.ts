// Durations as people type them on a command line: `2h`, `90m`, `1h30m`, `1d`, or ISO 8601 (`PT2H`). The short form
// is only a spelling: it becomes ISO and goes through parseDuration, so every message (units PIM refuses, syntax)
// is the editor's own.
import { DurationParse, parseDuration } from './duration';

const SHORT = /^(?:(\d+)d)?(?:(\d+)h)?(?:(\d+)m(?:in)?)?$/i;

/** `2h` → `PT2H`, `1d2h` → `P1DT2H`; anything else is returned unchanged (ISO, or an error for parseDuration). */
export function isoSpelling(text: string): string {
  const t = text.trim();
  const m = SHORT.exec(t);
  if (!m || !/\d/.test(t)) return t;
  const [days, hours, minutes] = m.slice(1).map((g) => (g === undefined ? undefined : Number(g)));
  const time = (hours !== undefined ? `${hours}H` : '') + (minutes !== undefined ? `${minutes}M` : '');
  return `P${days !== undefined ? `${days}D` : ''}${time ? `T${time}` : ''}`;
}

/** A duration typed by a person: the short form or ISO 8601, with the PIM rules and messages of parseDuration. */
export function parseDurationInput(text: string): DurationParse {
  return parseDuration(isoSpelling(text));
}
