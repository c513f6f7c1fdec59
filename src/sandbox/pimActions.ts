// Creating an eligibility or assignment schedule request: validation in the service's order (shape, durations,
// group, principal, caller's rights, onboarding, existing state, minimum duration, policy), then its effect on the
// schedules. Admin actions complete synchronously ("Provisioned"); a selfActivate under an approval rule stays
// "PendingApproval" until approved.
import { GraphError } from './graphError';
import { newGuid } from './ids';
import { activePrincipals, canUsePim, eligibilityFor, isCurrentOrFuture, schedulesOfGroup } from './pimIndex';
import { inClockRange } from './clock';
import { ParsedRequest, endOf, invalidRequest, isoSeconds, parseRequestBody } from './pimInput';
import { MIN_DURATION_MS, enforcePolicy, tooShort } from './pimEnforce';
import { onboard } from './policyModel';
import { canWriteGroupPim, pimForbidden } from './rbac';
import { createApproval } from './approvalModel';
import type { SbCtx } from './context';
import type { SbRequest, SbSchedule } from './types';

type Kind = 'eligibility' | 'assignment';
const REPLACES = new Set(['adminUpdate', 'adminExtend', 'adminRenew']);

const exists = () => new GraphError(400, 'RoleAssignmentExists', 'The Role assignment already exists.');
const doesNotExist = () => new GraphError(400, 'RoleAssignmentDoesNotExist', 'The Role assignment does not exist.');

function findCurrent(
  ctx: SbCtx,
  kind: Kind,
  r: ParsedRequest,
  now: Date,
  pred: (s: SbSchedule) => boolean = () => true,
) {
  return schedulesOfGroup(ctx.state, r.groupId).find(
    (s) =>
      s.kind === kind &&
      s.principalId === r.principalId &&
      s.accessId === r.accessId &&
      isCurrentOrFuture(s, now) &&
      pred(s),
  );
}

export function submitRequest(ctx: SbCtx, kind: Kind): SbRequest {
  const { state } = ctx;
  const now = ctx.clock.now();
  const r = parseRequestBody(ctx.body, kind);
  const self = r.action.startsWith('self');
  const needsSchedule = ['adminAssign', 'adminUpdate', 'adminExtend', 'adminRenew', 'selfActivate'].includes(r.action);

  const group = state.groups[r.groupId];
  if (!group) throw new GraphError(404, 'ResourceNotFound', `The resource '${r.groupId}' is not found.`); // UNCONFIRMED code
  if (!state.users[r.principalId] && !state.groups[r.principalId] && !state.servicePrincipals[r.principalId]) {
    throw new GraphError(400, 'SubjectNotFound', 'The subject is not found.');
  }
  // A new group is unknown to PIM until it replicates (GUESS for groups: the code is the ARM twin's).
  if (ctx.replication.lagging(group.id)) throw new GraphError(400, 'SubjectNotFound', 'The subject is not found.');
  if (!canUsePim(group))
    throw invalidRequest("Dynamic membership groups and groups synced from on-premises can't be managed by PIM.");
  if (self ? r.principalId !== ctx.caller.id : !canWriteGroupPim(state, ctx.caller, group, now)) throw pimForbidden();
  if (self && kind === 'eligibility' && r.action === 'selfActivate')
    throw invalidRequest('Activate membership through assignmentScheduleRequests.');
  if (onboard(group)) ctx.dirty();

  const requestedStart = r.schedule?.start ?? null;
  const start = requestedStart && requestedStart.getTime() > now.getTime() ? requestedStart : now;
  let end = needsSchedule ? endOf(r.schedule, start) : null;
  if (end && end.getTime() <= now.getTime()) throw invalidRequest('The expiration is in the past.');
  // UNCONFIRMED message: the service stores instants up to 9999-12-31 only, so a later end is refused, not a 500.
  if ((end && !inClockRange(end.getTime())) || !inClockRange(start.getTime()))
    throw invalidRequest('The schedule must end by 9999-12-31.');

  // What the request acts on.
  let target: SbSchedule | undefined;
  let eligibility: SbSchedule | undefined;
  switch (r.action) {
    case 'adminAssign':
      if (findCurrent(ctx, kind, r, now)) throw exists();
      break;
    case 'adminUpdate':
    case 'adminExtend':
    case 'adminRemove':
      target = findCurrent(ctx, kind, r, now);
      if (!target) throw doesNotExist();
      if (r.action === 'adminExtend' && end && target.endDateTime && end.getTime() <= Date.parse(target.endDateTime))
        throw invalidRequest('An extension must end later than the current schedule.');
      break;
    case 'adminRenew':
      // Renew re-creates an expired (or expiring) schedule; something must have existed.
      target = findCurrent(ctx, kind, r, now);
      if (
        !target &&
        !Object.values(state.schedules).some(
          (s) =>
            s.kind === kind && s.groupId === r.groupId && s.principalId === r.principalId && s.accessId === r.accessId,
        )
      )
        throw doesNotExist();
      break;
    case 'selfActivate':
      eligibility = eligibilityFor(state, r.groupId, r.principalId, r.accessId, now);
      if (!eligibility) throw doesNotExist();
      if (findCurrent(ctx, 'assignment', r, now)) throw exists();
      if (
        Object.values(state.requests).some(
          (q) =>
            q.kind === 'assignment' &&
            q.status === 'PendingApproval' &&
            q.groupId === r.groupId &&
            q.principalId === r.principalId &&
            q.accessId === r.accessId,
        )
      ) {
        throw new GraphError(
          400,
          'PendingRoleAssignmentRequest',
          'There is already an existing pending Role assignment request.',
        );
      }
      if (end && eligibility.endDateTime && end.getTime() > Date.parse(eligibility.endDateTime))
        end = new Date(eligibility.endDateTime); // capped at the eligibility's end
      break;
    case 'selfDeactivate':
      target = findCurrent(ctx, kind, r, now, (s) => kind === 'eligibility' || s.assignmentType === 'activated');
      if (!target) throw doesNotExist();
      break;
  }
  if (needsSchedule && end && end.getTime() - start.getTime() < MIN_DURATION_MS) throw tooShort();
  if (
    (r.action === 'adminRemove' || r.action === 'selfDeactivate') &&
    target &&
    now.getTime() - Date.parse(target.createdDateTime) < MIN_DURATION_MS
  )
    throw tooShort();
  // Entra never removes a group's last owner: PIM's removal of the last owner fails (the service retries it for up
  // to 30 days and the owner stays). The sandbox refuses it at once; the code and message are UNCONFIRMED.
  if (
    (r.action === 'adminRemove' || r.action === 'selfDeactivate') &&
    kind === 'assignment' &&
    r.accessId === 'owner' &&
    target &&
    activePrincipals(state, r.groupId, 'owner', now).every((p) => p === target!.principalId)
  ) {
    throw new GraphError(400, 'BadRequest', 'The last owner of a group cannot be removed; add another owner first.');
  }

  const { approvalRule } = needsSchedule
    ? enforcePolicy({ state, kind, req: r, start, end, amr: ctx.claims.amr, acrs: ctx.claims.acrs })
    : { approvalRule: null };

  const id = newGuid(state);
  const nowIso = now.toISOString();
  const request: SbRequest = {
    kind,
    id,
    status: 'Provisioned',
    action: r.action,
    createdDateTime: nowIso,
    completedDateTime: nowIso,
    approvalId: null,
    createdById: ctx.caller.id,
    isValidationOnly: r.isValidationOnly,
    justification: r.justification,
    scheduleInfo: needsSchedule
      ? {
          startDateTime: start.toISOString(),
          expiration: {
            type: r.schedule?.type ?? 'noExpiration',
            endDateTime: r.schedule?.type === 'afterDateTime' && end ? isoSeconds(end) : null,
            duration: r.schedule?.duration ?? null,
          },
        }
      : null,
    ticketInfo: r.ticketInfo,
    principalId: r.principalId,
    accessId: r.accessId,
    groupId: r.groupId,
    // adminUpdate replaces the schedule: a new id answers and the old one stops resolving (CODE: terraform persists
    // the new id after an update). GUESS, a documented choice: adminExtend and adminRenew do the same.
    targetScheduleId: target && !REPLACES.has(r.action) ? target.id : `${r.groupId}_${r.accessId}_${id}`,
  };
  if (r.isValidationOnly) {
    request.status = 'Granted';
    return request;
  } // not stored (UNCONFIRMED status)

  state.requests[id] = request;
  ctx.dirty();
  if (approvalRule) {
    request.status = 'PendingApproval';
    request.completedDateTime = null;
    request.approvalId = id;
    createApproval(state, request, approvalRule, now);
    return request;
  }
  applyEffect(ctx, request, target, eligibility, start, end);
  return request;
}

/** The change to the schedules once a request is granted (immediately, or when its approval completes). */
export function applyEffect(
  ctx: SbCtx,
  request: SbRequest,
  target: SbSchedule | undefined,
  eligibility: SbSchedule | undefined,
  start: Date,
  end: Date | null,
): void {
  const { state } = ctx;
  const nowIso = ctx.clock.now().toISOString();
  const exp = request.scheduleInfo?.expiration;
  if (request.action === 'adminRemove' || request.action === 'selfDeactivate') {
    if (target) target.removedDateTime = nowIso;
    request.status = 'Revoked';
  } else if (target && target.id === request.targetScheduleId) {
    target.startDateTime = start.toISOString();
    target.endDateTime = end ? end.toISOString() : null;
    target.expirationType = exp?.type ?? 'noExpiration';
    target.duration = exp?.duration ?? null;
    target.modifiedDateTime = nowIso;
  } else {
    if (target) target.removedDateTime = nowIso; // an update, extension or renewal replaces the old schedule
    state.schedules[request.targetScheduleId!] = {
      kind: request.kind,
      id: request.targetScheduleId!,
      principalId: request.principalId,
      groupId: request.groupId,
      accessId: request.accessId,
      assignmentType:
        request.kind === 'assignment' ? (request.action === 'selfActivate' ? 'activated' : 'assigned') : null,
      startDateTime: start.toISOString(),
      endDateTime: end ? end.toISOString() : null,
      expirationType: exp?.type ?? 'noExpiration',
      duration: exp?.duration ?? null,
      createdDateTime: nowIso,
      modifiedDateTime: null,
      createdUsing: request.id,
      activatedUsing: eligibility?.id ?? null,
      removedDateTime: null,
    };
  }
  ctx.dirty();
}
