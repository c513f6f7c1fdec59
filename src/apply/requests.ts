// The Graph requests apply sends, built from plan operations (pure; easy to check in unit tests).
import { paths } from '../graph/api/paths';
import type { BatchRequest } from '../graph/batch';
import type { ScheduleRequestBody } from '../graph/types';
import type { AssignmentOp, CreateGroupOp } from '../plan/model';
import { scheduleInfoOf } from '../plan/schedules';
import { uniqueNameFor } from '../plan/planGroup';

export function uniqueNameOf(op: CreateGroupOp): string {
  return op.group.uniqueName ?? uniqueNameFor(op.groupKey);
}

/** An upsert by uniqueName (DOC group-upsert): idempotent, so a retry after a lost answer cannot create a second group. */
export function createGroupRequest(op: CreateGroupOp): BatchRequest {
  const m365 = op.group.type === 'microsoft365';
  return {
    method: 'PATCH',
    url: paths.groupByUniqueName(uniqueNameOf(op)),
    idempotent: true,
    headers: { Prefer: 'create-if-missing' },
    body: {
      displayName: op.group.displayName,
      mailNickname: op.group.mailNickname,
      description: op.group.description,
      // PIM needs a security or Microsoft 365 group with assigned membership (reference §7.1).
      mailEnabled: m365,
      securityEnabled: !m365,
      groupTypes: m365 ? ['Unified'] : [],
      // Only at creation: the service never changes it later (a role-assignable group can hold Entra roles).
      ...(op.group.roleAssignable ? { isAssignableToRole: true } : {}),
      // Microsoft 365 groups only; HiddenMembership can be set here and never later.
      ...(op.group.visibility ? { visibility: op.group.visibility } : {}),
    },
  };
}

export function scheduleRequestBody(op: AssignmentOp, groupId: string, now: Date): ScheduleRequestBody {
  const base = { accessId: op.role, groupId, principalId: op.principal.id };
  if (op.kind === 'removeAssignment') return { ...base, action: 'adminRemove' };
  const info = scheduleInfoOf(op.schedule);
  info.startDateTime ??= now.toISOString();
  const body: ScheduleRequestBody = {
    ...base,
    action: op.kind === 'addAssignment' ? 'adminAssign' : op.action,
    scheduleInfo: info,
  };
  if (op.justification) body.justification = op.justification;
  if (op.ticket?.number || op.ticket?.system)
    body.ticketInfo = { ticketNumber: op.ticket.number, ticketSystem: op.ticket.system };
  return body;
}

export function scheduleRequest(op: AssignmentOp, groupId: string, now: Date): BatchRequest {
  return {
    method: 'POST',
    idempotent: false,
    url: op.assignmentKind === 'eligible' ? paths.eligibilityRequests : paths.assignmentRequests,
    body: scheduleRequestBody(op, groupId, now),
  };
}
