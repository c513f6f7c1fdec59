// Assignment schedules: from a definition to a spec, spec to the request's scheduleInfo, and whether what the
// tenant holds already satisfies a spec. Durations compare by length, instants to the minute, so a plan made right
// after apply is empty even though the service rewrote start times.
import type { AssignmentDefinition } from '../definitions/model';
import type { ActualSchedule } from '../tenant/actualState';
import type { GraphScheduleInfo } from '../graph/types';
import { durationMinutes } from '../time';
import type { ScheduleSpec, ScheduleState } from './model';

const MINUTE = 60_000;
/** Service-side start rewrites and processing delays stay well under this. */
const TOLERANCE_MS = 5 * MINUTE;

export function specOf(a: AssignmentDefinition): ScheduleSpec {
  const spec: ScheduleSpec = {};
  if (a.start) spec.start = a.start;
  if (a.permanent) spec.permanent = true;
  else if (a.until) spec.until = a.until;
  else if (a.duration) spec.duration = a.duration;
  return spec;
}

export function stateOf(s: ActualSchedule): ScheduleState {
  return { start: s.start, end: s.end, permanent: s.permanent };
}

/** Length in minutes from start (or now) to the end; Infinity when permanent; undefined when unknown. */
export function specMinutes(spec: ScheduleSpec, now: number): number | undefined {
  if (spec.permanent) return Infinity;
  if (spec.duration) return durationMinutes(spec.duration);
  if (spec.until) return (Date.parse(spec.until) - (spec.start ? Date.parse(spec.start) : now)) / MINUTE;
  return undefined;
}

/** The end the file fixes by its own dates (until, or start + duration), in ms; undefined when it runs from apply. */
export function fixedEnd(spec: ScheduleSpec): number | undefined {
  if (spec.permanent) return undefined;
  if (spec.until) return Date.parse(spec.until);
  if (spec.start && spec.duration) return Date.parse(spec.start) + (durationMinutes(spec.duration) ?? 0) * MINUTE;
  return undefined;
}

/** When a schedule granted now for `spec` will end (ISO), for the applied record; null when permanent. */
export function plannedEnd(spec: ScheduleSpec, now: number): string | null {
  if (spec.permanent) return null;
  const fixed = fixedEnd(spec);
  if (fixed !== undefined) return new Date(fixed).toISOString();
  return new Date(now + (durationMinutes(spec.duration ?? '') ?? 0) * MINUTE).toISOString();
}

export function satisfies(spec: ScheduleSpec, actual: ActualSchedule, now: number): boolean {
  if (
    spec.start &&
    Date.parse(spec.start) > now &&
    (!actual.start || Math.abs(Date.parse(actual.start) - Date.parse(spec.start)) > MINUTE)
  )
    return false;
  if (spec.permanent) return actual.permanent;
  if (actual.permanent || !actual.end) return false;
  if (spec.until) return Math.abs(Date.parse(actual.end) - Date.parse(spec.until)) <= MINUTE;
  if (spec.duration) {
    const minutes = durationMinutes(spec.duration);
    if (minutes === undefined || !actual.start) return false;
    return Math.abs(Date.parse(actual.end) - Date.parse(actual.start) - minutes * MINUTE) <= TOLERANCE_MS;
  }
  return true;
}

export function scheduleInfoOf(spec: ScheduleSpec): GraphScheduleInfo {
  const info: GraphScheduleInfo = {};
  if (spec.start) info.startDateTime = spec.start;
  if (spec.permanent) info.expiration = { type: 'noExpiration' };
  else if (spec.until) info.expiration = { type: 'afterDateTime', endDateTime: spec.until };
  else if (spec.duration) info.expiration = { type: 'afterDuration', duration: spec.duration };
  return info;
}

export function describeSpec(spec: ScheduleSpec): string {
  const when = spec.permanent
    ? 'permanent'
    : spec.until
      ? `until ${spec.until}`
      : spec.duration
        ? `for ${spec.duration}`
        : 'default length';
  return spec.start ? `${when} from ${spec.start}` : when;
}

export function describeState(s: ScheduleState): string {
  if (s.permanent) return 'permanent';
  return s.end ? `until ${s.end}` : 'no end';
}

/** PIM lets an admin extend an assignment that expires within 14 days (UNCONFIRMED for groups); other changes are updates. */
export function updateAction(before: ScheduleState, spec: ScheduleSpec, now: number): 'adminUpdate' | 'adminExtend' {
  if (before.permanent || !before.end || spec.permanent || spec.start) return 'adminUpdate';
  const newEnd = spec.until
    ? Date.parse(spec.until)
    : spec.duration && before.start
      ? now + (durationMinutes(spec.duration) ?? 0) * MINUTE
      : undefined;
  const end = Date.parse(before.end);
  return newEnd !== undefined && newEnd > end && end - now <= 14 * 24 * 60 * MINUTE ? 'adminExtend' : 'adminUpdate';
}

export function assignmentKey(
  kind: 'eligible' | 'active',
  role: string,
  principal: string,
  spec?: ScheduleSpec,
): string {
  return [kind, role, principal.toLowerCase(), spec ? JSON.stringify(spec) : ''].join('|');
}
