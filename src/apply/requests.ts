// The Graph requests apply sends, built from plan operations (pure; easy to check in unit tests).
import { paths } from '../graph/api/paths';
import type { BatchRequest } from '../graph/batch';
import type { ScheduleRequestBody } from '../graph/types';
import type { AssignmentOp, CreateGroupOp, ScheduleSpec } from '../plan/model';
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
  const target = { accessId: op.role, groupId, principalId: op.principal.id };
  if (op.kind === 'removeAssignment') return adminRequestBody({ ...target, action: 'adminRemove' }, now);
  return adminRequestBody(
    {
      ...target,
      action: op.kind === 'addAssignment' ? 'adminAssign' : op.action,
      schedule: op.schedule,
      justification: op.justification,
      ticket: op.ticket,
    },
    now,
  );
}

/** One administrator's schedule request: what a plan operation asks for, or a change made from the Groups view. */
export interface AdminRequest {
  action: 'adminAssign' | 'adminUpdate' | 'adminExtend' | 'adminRenew' | 'adminRemove';
  accessId: AssignmentOp['role'];
  groupId: string;
  principalId: string;
  /** Absent for adminRemove; a schedule without a start starts now. */
  schedule?: ScheduleSpec;
  justification?: string;
  ticket?: { system?: string; number?: string };
}

/** The body PIM expects; the justification and ticket are sent as written (user data, never altered). */
export function adminRequestBody(r: AdminRequest, now: Date): ScheduleRequestBody {
  const body: ScheduleRequestBody = {
    action: r.action,
    accessId: r.accessId,
    groupId: r.groupId,
    principalId: r.principalId,
  };
  if (r.action === 'adminRemove') return body;
  const info = scheduleInfoOf(r.schedule ?? {});
  info.startDateTime ??= now.toISOString();
  body.scheduleInfo = info;
  if (r.justification) body.justification = r.justification;
  if (r.ticket?.number || r.ticket?.system)
    body.ticketInfo = { ticketNumber: r.ticket.number, ticketSystem: r.ticket.system };
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
