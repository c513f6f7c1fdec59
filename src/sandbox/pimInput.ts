// Reads a schedule request body the way the service does: enums case-insensitive, scheduleInfo normalised.
import { GraphError, badRequest } from './graphError';
import { parsePimDuration } from './duration';
import type { AccessId, ExpirationType } from './types';

export const ACTIONS = [
  'adminAssign',
  'adminUpdate',
  'adminRemove',
  'adminExtend',
  'adminRenew',
  'selfActivate',
  'selfDeactivate',
] as const;
export type Action = (typeof ACTIONS)[number];
const EXPIRATION_TYPES: ExpirationType[] = ['notSpecified', 'noExpiration', 'afterDateTime', 'afterDuration'];

export interface ParsedSchedule {
  /** Requested start (null = now). */
  start: Date | null;
  type: ExpirationType;
  endDateTime: Date | null;
  duration: string | null;
  durationMs: number | null;
}

export interface ParsedRequest {
  action: Action;
  accessId: AccessId;
  groupId: string;
  principalId: string;
  justification: string | null;
  ticketInfo: { ticketNumber: string | null; ticketSystem: string | null };
  isValidationOnly: boolean;
  schedule: ParsedSchedule | null;
}

export const invalidRequest = (detail?: string) =>
  new GraphError(
    400,
    'InvalidRoleAssignmentRequest',
    `The role assignment request is invalid.${detail ? ` ${detail}` : ''}`,
  );

const enumOf = <T extends string>(values: readonly T[], v: unknown, name: string): T => {
  const hit = typeof v === 'string' ? values.find((x) => x.toLowerCase() === v.toLowerCase()) : undefined;
  if (!hit) throw badRequest(`Invalid value '${String(v)}' for property '${name}'.`);
  return hit;
};
const str = (v: unknown, name: string, required: boolean): string | null => {
  if (v === undefined || v === null || v === '') {
    if (required) throw badRequest(`The property '${name}' is required.`);
    return null;
  }
  if (typeof v !== 'string') throw badRequest(`Invalid value for property '${name}': expected a string.`);
  return v;
};
const date = (v: unknown, name: string): Date | null => {
  if (v === undefined || v === null) return null;
  const t = typeof v === 'string' ? Date.parse(v) : NaN;
  if (Number.isNaN(t))
    throw badRequest(
      `Cannot convert the literal '${String(v)}' to the expected type 'Edm.DateTimeOffset' for '${name}'.`,
    );
  return new Date(t);
};

const REQUEST_PROPS = [
  '@odata.type',
  'id',
  'accessId',
  'action',
  'groupId',
  'principalId',
  'scheduleInfo',
  'justification',
  'ticketInfo',
  'isValidationOnly',
  'customData',
  'targetScheduleId',
  'status',
  'approvalId',
  'createdDateTime',
  'completedDateTime',
  'createdBy',
];
const SCHEDULE_PROPS = ['@odata.type', 'startDateTime', 'expiration', 'recurrence'];
const EXPIRATION_PROPS = ['@odata.type', 'type', 'endDateTime', 'duration'];
const TICKET_PROPS = ['@odata.type', 'ticketNumber', 'ticketSystem'];

/** OData property names are case-sensitive and the types are closed: an unknown name is a 400, not ignored. */
function closedType(obj: Record<string, unknown>, allowed: string[], type: string): void {
  for (const k of Object.keys(obj)) {
    if (!allowed.includes(k) && !k.includes('@odata.')) {
      throw badRequest(
        `The property '${k}' does not exist on type 'microsoft.graph.${type}'. Make sure to only use property names that are defined by the type or mark the type as open type.`,
      );
    }
  }
}

export function parseRequestBody(body: unknown, kind: 'eligibility' | 'assignment' = 'eligibility'): ParsedRequest {
  if (!body || typeof body !== 'object' || Array.isArray(body))
    throw badRequest(
      'Unable to read JSON request payload. Please ensure Content-Type header is set and payload is of valid JSON format.',
    );
  const b = body as Record<string, unknown>;
  closedType(
    b,
    REQUEST_PROPS,
    `privilegedAccessGroup${kind === 'eligibility' ? 'Eligibility' : 'Assignment'}ScheduleRequest`,
  );
  if (b.scheduleInfo && typeof b.scheduleInfo === 'object') {
    closedType(b.scheduleInfo as Record<string, unknown>, SCHEDULE_PROPS, 'requestSchedule');
    const e = (b.scheduleInfo as Record<string, unknown>).expiration;
    if (e && typeof e === 'object') closedType(e as Record<string, unknown>, EXPIRATION_PROPS, 'expirationPattern');
  }
  if (b.ticketInfo && typeof b.ticketInfo === 'object')
    closedType(b.ticketInfo as Record<string, unknown>, TICKET_PROPS, 'ticketInfo');
  const action = enumOf(ACTIONS, b.action ?? '', 'action');
  const accessId = enumOf(['member', 'owner'] as const, b.accessId ?? '', 'accessId');
  const groupId = str(b.groupId, 'groupId', true)!.toLowerCase();
  const principalId = str(b.principalId, 'principalId', true)!.toLowerCase();
  const t = (b.ticketInfo ?? {}) as Record<string, unknown>;
  return {
    action,
    accessId,
    groupId,
    principalId,
    justification: str(b.justification, 'justification', false),
    ticketInfo: {
      ticketNumber: str(t.ticketNumber, 'ticketNumber', false),
      ticketSystem: str(t.ticketSystem, 'ticketSystem', false),
    },
    isValidationOnly: b.isValidationOnly === true,
    schedule: parseSchedule(b.scheduleInfo),
  };
}

function parseSchedule(v: unknown): ParsedSchedule | null {
  if (v === undefined || v === null) return null;
  if (typeof v !== 'object') throw badRequest(`Invalid value for property 'scheduleInfo'.`);
  const s = v as Record<string, unknown>;
  if (s.recurrence) throw invalidRequest('Recurring schedules are not supported.');
  const e = (s.expiration ?? {}) as Record<string, unknown>;
  const endDateTime = date(e.endDateTime, 'endDateTime');
  const duration = str(e.duration, 'duration', false);
  const type: ExpirationType =
    e.type !== undefined && e.type !== null
      ? enumOf(EXPIRATION_TYPES, e.type, 'type')
      : endDateTime
        ? 'afterDateTime'
        : duration
          ? 'afterDuration'
          : 'noExpiration';
  let durationMs: number | null = null;
  if (type === 'afterDuration') {
    if (!duration) throw invalidRequest('An afterDuration expiration needs a duration.');
    const p = parsePimDuration(duration);
    if (!p.ok)
      throw invalidRequest(
        p.reason === 'calendar'
          ? 'Durations must use days, hours, minutes or seconds (not years, months or weeks).'
          : `'${duration}' is not an ISO 8601 duration.`,
      );
    durationMs = p.ms;
  }
  if (type === 'afterDateTime' && !endDateTime)
    throw invalidRequest('An afterDateTime expiration needs an endDateTime.');
  return {
    start: date(s.startDateTime, 'startDateTime'),
    type: type === 'notSpecified' ? 'noExpiration' : type,
    endDateTime: type === 'afterDateTime' ? endDateTime : null,
    duration: type === 'afterDuration' ? duration : null,
    durationMs,
  };
}

/** The end of a schedule that starts at `start` (null = permanent). */
export function endOf(s: ParsedSchedule | null, start: Date): Date | null {
  if (!s || s.type === 'noExpiration' || s.type === 'notSpecified') return null;
  if (s.type === 'afterDateTime') return s.endDateTime;
  return new Date(start.getTime() + (s.durationMs ?? 0));
}

/** Timestamps the service writes without fractional seconds (endDateTime in the POST examples). */
export const isoSeconds = (d: Date) => d.toISOString().replace(/\.\d{3}Z$/, 'Z');
