// PIM for Groups objects as the service answers them: enums lowerCamel where the service echoes lowerCamel
// (action, expiration.type, accessId), PascalCase where the examples show PascalCase (status, memberType,
// assignmentType). Never-modified schedules carry the service's zero date.
import { guidFrom } from './ids';
import type { SbRequest, SbSchedule } from './types';

export const ZERO_DATE = '0001-01-01T08:00:00Z';

export function requestView(r: SbRequest): Record<string, unknown> {
  return {
    id: r.id,
    status: r.status,
    completedDateTime: r.completedDateTime,
    createdDateTime: r.createdDateTime,
    approvalId: r.approvalId,
    customData: null,
    action: r.action,
    createdBy: { user: { id: r.createdById, displayName: null } },
    isValidationOnly: r.isValidationOnly,
    justification: r.justification,
    scheduleInfo: r.scheduleInfo
      ? {
          startDateTime: r.scheduleInfo.startDateTime,
          recurrence: null,
          expiration: { ...r.scheduleInfo.expiration },
        }
      : null,
    ticketInfo: { ...r.ticketInfo },
    principalId: r.principalId,
    accessId: r.accessId,
    groupId: r.groupId,
    targetScheduleId: r.targetScheduleId,
  };
}

/** `inheritedBy`: the member of the eligible/assigned group the view is for (memberType Group), when not direct. */
export function scheduleView(s: SbSchedule, inheritedBy?: string): Record<string, unknown> {
  return {
    id: s.id,
    createdDateTime: s.createdDateTime,
    modifiedDateTime: s.modifiedDateTime ?? ZERO_DATE,
    createdUsing: s.createdUsing,
    status: 'Provisioned',
    scheduleInfo: {
      startDateTime: s.startDateTime,
      recurrence: null,
      expiration: { endDateTime: s.endDateTime, duration: s.duration, type: s.expirationType },
    },
    accessId: s.accessId,
    principalId: inheritedBy ?? s.principalId,
    memberType: inheritedBy ? 'Group' : 'Direct',
    groupId: s.groupId,
    ...(s.kind === 'assignment' ? { assignmentType: s.assignmentType === 'activated' ? 'Activated' : 'Assigned' } : {}),
  };
}

/** A member or owner added through the groups API, not by a PIM request (membership.ts): createdUsing is null. */
export const isDirectMember = (s: SbSchedule) =>
  s.kind === 'assignment' && s.createdUsing === null && s.assignmentType === 'assigned';

/**
 * Instances are derived from schedules; the id is stable for a schedule and has the `{group}_{access}_{guid}` form.
 * A direct member's instance has the id of its schedule (DOC, list-assignmentscheduleinstances example).
 */
export const instanceId = (s: SbSchedule) =>
  isDirectMember(s) ? s.id : `${s.groupId}_${s.accessId}_${guidFrom(`${s.id}:instance`)}`;

export function instanceView(s: SbSchedule, inheritedBy?: string): Record<string, unknown> {
  const memberType = inheritedBy ? 'Group' : 'Direct';
  const base = {
    id: instanceId(s),
    principalId: inheritedBy ?? s.principalId,
    // DOC: a direct member's instance has no start or end (startDateTime and endDateTime null).
    startDateTime: isDirectMember(s) ? null : s.startDateTime,
    endDateTime: isDirectMember(s) ? null : s.endDateTime,
  };
  return s.kind === 'assignment'
    ? {
        ...base,
        assignmentType: s.assignmentType === 'activated' ? 'Activated' : 'Assigned',
        accessId: s.accessId,
        groupId: s.groupId,
        memberType,
        assignmentScheduleId: s.id,
      }
    : { ...base, accessId: s.accessId, groupId: s.groupId, memberType, eligibilityScheduleId: s.id };
}
