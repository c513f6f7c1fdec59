// Durations and remaining time in words for tree items and the status bar. Pure: no `vscode`.

const UNITS: [RegExp, string, number][] = [
  [/(\d+)D/, 'day', 1440],
  [/(\d+)H/, 'hour', 60],
  [/(\d+)M/, 'minute', 1],
];

/** PT8H → "8 hours", P1DT2H30M → "1 day 2 hours 30 minutes"; an unreadable value is returned as is. */
export function durationInWords(iso: string): string {
  const m = /^P(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:\d+S)?)?$/.exec(iso);
  if (!m || (!m[1] && !m[2] && !m[3])) return iso;
  const out: string[] = [];
  [m[1], m[2], m[3]].forEach((v, i) => {
    if (v && Number(v) > 0) out.push(`${Number(v)} ${UNITS[i][1]}${Number(v) === 1 ? '' : 's'}`);
  });
  return out.join(' ') || iso;
}

/** Minutes in an ISO duration of days, hours and minutes (seconds ignored), or undefined. */
export function durationToMinutes(iso: string): number | undefined {
  const m = /^P(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:\d+S)?)?$/.exec(iso);
  if (!m || (!m[1] && !m[2] && !m[3])) return undefined;
  return Number(m[1] ?? 0) * 1440 + Number(m[2] ?? 0) * 60 + Number(m[3] ?? 0);
}

/** Minutes → the shortest ISO duration: 90 → PT1H30M, 480 → PT8H. */
export function minutesToDuration(minutes: number): string {
  const h = Math.floor(minutes / 60),
    m = minutes % 60;
  return `PT${h ? `${h}H` : ''}${m || !h ? `${m}M` : ''}`;
}

/** "2 h 15 min left", "12 days left", "ended", "permanent" (end null or absent). */
export function timeLeft(end: string | null | undefined, now: number = Date.now()): string {
  if (!end) return 'permanent';
  const ms = Date.parse(end) - now;
  if (Number.isNaN(ms)) return end;
  if (ms <= 0) return 'ended';
  const minutes = Math.ceil(ms / 60_000);
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

/** A start in the future: "starts in 6 days". */
export function startsIn(start: string | null | undefined, now: number = Date.now()): string | undefined {
  if (!start) return undefined;
  const ms = Date.parse(start) - now;
  if (Number.isNaN(ms) || ms <= 0) return undefined;
  const minutes = Math.ceil(ms / 60_000);
  return minutes < 48 * 60 ? `starts in ${Math.ceil(minutes / 60)} h` : `starts in ${Math.floor(minutes / 1440)} days`;
}
