// ISO 8601 durations as PIM accepts them. src/time was not written yet when the sandbox needed this, so the sandbox
// keeps its own small parser (it may import only Node built-ins and src/time).
// PIM for Groups accepts day/hour/minute/second designators only: P1Y, P6M and P2W are valid ISO 8601 but the
// service answers 400 InvalidRoleAssignmentRequest (terraform-provider-azuread#1464, #1813).

export type DurationParse = { ok: true; ms: number } | { ok: false; reason: 'syntax' | 'calendar' };

const FULL = /^P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?)?$/i;

export function parsePimDuration(text: string): DurationParse {
  const m = FULL.exec(text.trim());
  if (!m || text.trim() === 'P' || /T$/i.test(text.trim())) return { ok: false, reason: 'syntax' };
  if (m[1] || m[2] || m[3]) return { ok: false, reason: 'calendar' };
  const [d, h, min, s] = [m[4], m[5], m[6], m[7]].map((x) => (x ? Number(x) : 0));
  return { ok: true, ms: ((d * 24 + h) * 60 + min) * 60_000 + s * 1000 };
}

/** Parses a duration that policy rules carry (maximumDuration); the same day-based grammar. */
export function durationMs(text: string): number | null {
  const p = parsePimDuration(text);
  return p.ok ? p.ms : null;
}
