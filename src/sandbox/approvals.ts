// assignmentApprovals: the approver reads an approval and approves or denies its current stage.
// The approval id is the request id. PATCH .../stages/{id} and .../steps/{id} (the update page's spelling) both work.
import { GraphError, badRequest } from './graphError';
import { contextUrl } from './odata';
import { route, Route } from './router';
import { approvalView } from './approvalModel';
import { applyEffect } from './pimActions';
import { eligibilityFor, isCurrentOrFuture, schedulesOfGroup } from './pimIndex';
import { durationMs } from './duration';
import { isTenantReader, pimForbidden } from './rbac';
import { ok, noContent } from './context';
import type { SbCtx } from './context';

const base = '/identityGovernance/privilegedAccess/group/assignmentApprovals';

function find(ctx: SbCtx, id: string) {
  const a = ctx.state.approvals[id.toLowerCase()];
  if (!a) throw new GraphError(404, 'ResourceNotFound', `The approval '${id}' is not found.`);
  return a;
}

function decide(ctx: SbCtx, approvalId: string, stageId: string) {
  const a = find(ctx, approvalId);
  const stage = a.stages.find((s) => s.id === stageId.toLowerCase());
  if (!stage) throw new GraphError(404, 'ResourceNotFound', `The approval stage '${stageId}' is not found.`);
  const request = ctx.state.requests[a.requestId];
  if (!stage.approverIds.includes(ctx.caller.id) || request.principalId === ctx.caller.id) throw pimForbidden();
  if (stage.status !== 'InProgress' || request.status !== 'PendingApproval') {
    throw new GraphError(409, 'Conflict', 'The approval stage has already been decided.');
  }
  const body = (ctx.body ?? {}) as Record<string, unknown>;
  const result =
    typeof body.reviewResult === 'string'
      ? ['Approve', 'Deny'].find((x) => x.toLowerCase() === (body.reviewResult as string).toLowerCase())
      : undefined;
  if (!result)
    throw badRequest(
      `Invalid value '${String(body.reviewResult)}' for property 'reviewResult'; expected Approve or Deny.`,
    );
  const justification = typeof body.justification === 'string' ? body.justification : '';
  if (stage.justificationRequired && !justification.trim())
    throw badRequest('A justification is required to review this request (isApproverJustificationRequired).');
  const now = ctx.clock.now();
  stage.reviewResult = result as 'Approve' | 'Deny';
  stage.status = 'Completed';
  stage.justification = justification;
  stage.reviewedById = ctx.caller.id;
  stage.reviewedDateTime = now.toISOString();
  const next = a.stages.find((s) => s.status === 'NotStarted');
  if (result === 'Deny') {
    request.status = 'Denied';
    request.completedDateTime = now.toISOString();
  } else if (next) next.status = 'InProgress';
  else grant(ctx, request.id, now);
  ctx.dirty();
}

/** The approved activation starts now (or at its requested later start) and lasts what was requested. */
function grant(ctx: SbCtx, requestId: string, now: Date) {
  const r = ctx.state.requests[requestId];
  const requested = r.scheduleInfo ? Date.parse(r.scheduleInfo.startDateTime) : now.getTime();
  const start = new Date(Math.max(requested, now.getTime()));
  const exp = r.scheduleInfo?.expiration;
  let end =
    exp?.type === 'afterDateTime' && exp.endDateTime
      ? new Date(exp.endDateTime)
      : exp?.type === 'afterDuration' && exp.duration
        ? new Date(start.getTime() + (durationMs(exp.duration) ?? 0))
        : null;
  const eligibility = eligibilityFor(ctx.state, r.groupId, r.principalId, r.accessId, now);
  if (!eligibility) {
    r.status = 'Failed';
    r.completedDateTime = now.toISOString();
    return;
  }
  if (end && eligibility.endDateTime && end.getTime() > Date.parse(eligibility.endDateTime))
    end = new Date(eligibility.endDateTime);
  const active = schedulesOfGroup(ctx.state, r.groupId).find(
    (s) =>
      s.kind === 'assignment' &&
      s.principalId === r.principalId &&
      s.accessId === r.accessId &&
      isCurrentOrFuture(s, now),
  );
  if (active) {
    r.status = 'Failed';
    r.completedDateTime = now.toISOString();
    return;
  }
  r.status = 'Provisioned';
  r.completedDateTime = now.toISOString();
  applyEffect(ctx, r, undefined, eligibility, start, end);
}

export const approvalRoutes: Route[] = [
  route('GET', `${base}/{id}`, (ctx, [id]) => {
    const a = find(ctx, id);
    const r = ctx.state.requests[a.requestId];
    const involved =
      a.stages.some((s) => s.approverIds.includes(ctx.caller.id)) ||
      r?.principalId === ctx.caller.id ||
      r?.createdById === ctx.caller.id;
    if (!involved && !isTenantReader(ctx.state, ctx.caller, ctx.clock.now())) throw pimForbidden();
    return ok({
      '@odata.context': `${contextUrl(ctx, 'identityGovernance/privilegedAccess/group/assignmentApprovals')}/$entity`,
      ...approvalView(ctx.state, a, ctx.caller.id),
    });
  }),
  route('GET', `${base}/{id}/stages`, (ctx, [id]) =>
    ok({
      '@odata.context': contextUrl(
        ctx,
        `identityGovernance/privilegedAccess/group/assignmentApprovals('${id}')/stages`,
      ),
      value: approvalView(ctx.state, find(ctx, id), ctx.caller.id).stages,
    }),
  ),
  route('PATCH', `${base}/{id}/stages/{stage}`, (ctx, [id, stage]) => {
    decide(ctx, id, stage);
    return noContent();
  }),
  route('PATCH', `${base}/{id}/steps/{stage}`, (ctx, [id, stage]) => {
    decide(ctx, id, stage);
    return noContent();
  }),
];
