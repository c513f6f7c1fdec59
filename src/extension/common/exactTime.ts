// The exact instant behind a "3 days left" or "2 hours ago": for hovers, in the reader's locale and zone, with the
// ISO text support staff ask for. Pure.

export function exactTime(iso: string): string {
  const t = Date.parse(iso);
  return Number.isNaN(t) ? iso : `${new Date(t).toLocaleString()} (${iso})`;
}
