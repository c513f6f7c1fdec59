// A listed assignment whose schedule in the tenant ends soon: the plan is empty for it (the tenant matches the file),
// yet PIM will end it and not renew it. The plan says so, with what renewal the file would bring, so the reviewer
// of a nightly plan learns it days before, not after. The expiring report (report expiring) lists the same ends.
import { ENDING_SOON_MINUTES, endsIn } from '../time';
import type { ScheduleSpec } from './model';

const day = (iso: string) => iso.slice(0, 16).replace('T', ' ') + ' UTC';

/** The note's text, or undefined when the schedule does not end within the window. */
export function endingSoonNote(
  label: string,
  end: string | null,
  spec: ScheduleSpec,
  renew: 'auto' | 'never',
  now: number,
): string | undefined {
  if (!end) return undefined;
  const at = Date.parse(end);
  if (!(at > now && at - now <= ENDING_SOON_MINUTES * 60_000)) return undefined;
  const when = `The ${label} ${endsIn(at, now)} (${day(end)})`;
  if (spec.until) return `${when}, as its until says; move until to keep it.`;
  if (!spec.duration) return `${when}; PIM does not renew it.`;
  return renew === 'auto'
    ? `${when}; re-apply to renew for ${spec.duration} (renew: auto grants it again once it has ended).`
    : `${when} and is not renewed (renew: never); write renew: auto and re-apply to renew for ${spec.duration}, or remove it from the file.`;
}
