// eligibilityScheduleRequests and assignmentScheduleRequests: create, list (with the required filter), get, cancel,
// filterByCurrentUser(on='principal'|'createdBy'|'approver').
import { GraphError } from './graphError';
import { collection, entity, contextUrl, project } from './odata';
import { route, Route } from './router';
import { submitRequest } from './pimActions';
import { requestView, scheduleView } from './pimViews';
import { PIM_SET, currentUserFunction, requiredScope } from './pimQueries';
import { directoryObjectView, groupView } from './directoryViews';
import { isTenantReader, pimForbidden } from './rbac';
import { ok, noContent } from './context';
import type { SbCtx, SbResult } from './context';
import type { SbRequest } from './types';

const SETS = { eligibility: 'eligibilityScheduleRequests', assignment: 'assignmentScheduleRequests' } as const;
type Kind = keyof typeof SETS;

function expandRequest(ctx: SbCtx, r: SbRequest, view: Record<string, unknown>): Record<string, unknown> {
  for (const e of ctx.query.expand ?? []) {
    const name = e.name.toLowerCase();
    if (name === 'principal') {
      const o = directoryObjectView(ctx.state, r.principalId);
      view.principal = o ? project(o, e.select) : null;
    } else if (name === 'group') {
      const g = ctx.state.groups[r.groupId];
      view.group = g ? project(groupView(g, ctx.state.tenant.id), e.select) : null;
    } else if (name === 'targetschedule') {
      const s = r.targetScheduleId ? ctx.state.schedules[r.targetScheduleId] : undefined;
      view.targetSchedule = s ? project(scheduleView(s), e.select) : null;
    } else if (name === 'activatedusing' && r.kind === 'assignment') {
      const s = ctx.state.schedules[r.targetScheduleId ?? '']?.activatedUsing;
      const el = s ? ctx.state.schedules[s] : undefined;
      view.activatedUsing = el ? project(scheduleView(el), e.select) : null;
    } else
      throw new GraphError(
        400,
        'BadRequest',
        `Could not find a property named '${e.name}' on type 'microsoft.graph.privilegedAccessGroup${r.kind === 'eligibility' ? 'Eligibility' : 'Assignment'}ScheduleRequest'.`,
      );
  }
  return view;
}

/**
 * Request lists keep only recent requests: users report requests "aging out" after 30 to 45 days, so a tool that
 * reads history from them sees nothing older (UNCONFIRMED: the service documents no retention; 45 days here).
 * A request stays readable by id; only lists drop it.
 */
export const REQUEST_LIST_RETENTION_DAYS = 45;

function retained(ctx: SbCtx, r: SbRequest): boolean {
  return ctx.clock.now().getTime() - Date.parse(r.createdDateTime) <= REQUEST_LIST_RETENTION_DAYS * 86_400_000;
}

function list(ctx: SbCtx, kind: Kind, all: SbRequest[], asFunction = false): SbResult {
  const rows = all.filter((r) => retained(ctx, r));
  // A function's result is a typed collection: Collection(type) context and @odata.type on each item (doc samples).
  const type = `privilegedAccessGroup${kind === 'eligibility' ? 'Eligibility' : 'Assignment'}ScheduleRequest`;
  return collection(
    ctx,
    rows.map(
      (r) =>
        ({
          ...(asFunction ? { '@odata.type': `#microsoft.graph.${type}` } : {}),
          ...requestView(r),
          __req: r,
        }) as Record<string, unknown>,
    ),
    {
      entitySet: asFunction ? `Collection(${type})` : `${PIM_SET}/${SETS[kind]}`,
      expand: (i) => {
        const { __req, ...v } = i;
        return expandRequest(ctx, __req as SbRequest, v);
      },
    },
  );
}

const ofKind = (ctx: SbCtx, kind: Kind) => Object.values(ctx.state.requests).filter((r) => r.kind === kind);

function handlers(kind: Kind): Route[] {
  const base = `/identityGovernance/privilegedAccess/group/${SETS[kind]}`;
  return [
    route('POST', base, (ctx) => {
      const r = submitRequest(ctx, kind);
      // The schedule a request creates or replaces is not readable by id for a moment (terraform polls for it).
      if (r.targetScheduleId && ctx.state.schedules[r.targetScheduleId] && !r.isValidationOnly)
        ctx.replication.created(r.targetScheduleId);
      return entity(ctx, `${PIM_SET}/${SETS[kind]}`, requestView(r), 201);
    }),
    route('GET', base, (ctx) => {
      // Delegated callers may list eligibility requests unfiltered: they get their own (reference §1.4).
      if (kind === 'eligibility' && !ctx.query.filter)
        return list(
          ctx,
          kind,
          ofKind(ctx, kind).filter((r) => r.principalId === ctx.caller.id),
        );
      const scope = requiredScope(ctx);
      const rows = ofKind(ctx, kind).filter(
        (r) =>
          (!scope.groupIds.length || scope.groupIds.includes(r.groupId)) &&
          (!scope.principalIds.length || scope.principalIds.includes(r.principalId)),
      );
      return list(ctx, kind, rows);
    }),
    route('GET', `${base}/{id}`, (ctx, [id]) => {
      const on = currentUserFunction(id, ['principal', 'createdBy', 'approver']);
      if (on) {
        const me = ctx.caller.id;
        const rows = ofKind(ctx, kind).filter((r) =>
          on === 'principal'
            ? r.principalId === me
            : on === 'createdBy'
              ? r.createdById === me
              : ctx.state.approvals[r.approvalId ?? '']?.stages.some((s) => s.approverIds.includes(me)) === true,
        );
        return list(ctx, kind, rows, true);
      }
      const r = ctx.state.requests[id.toLowerCase()];
      if (!r || r.kind !== kind) throw new GraphError(404, 'ResourceNotFound', `The request '${id}' is not found.`);
      const mine = r.principalId === ctx.caller.id || r.createdById === ctx.caller.id;
      if (!mine && !isTenantReader(ctx.state, ctx.caller, ctx.clock.now())) throw pimForbidden();
      return ok({
        '@odata.context': `${contextUrl(ctx, `${PIM_SET}/${SETS[kind]}`, ctx.query.select)}/$entity`,
        ...project(expandRequest(ctx, r, requestView(r)), ctx.query.select),
      });
    }),
    route('POST', `${base}/{id}/cancel`, (ctx, [id]) => {
      const r = ctx.state.requests[id.toLowerCase()];
      if (!r || r.kind !== kind) throw new GraphError(404, 'ResourceNotFound', `The request '${id}' is not found.`);
      const mine = r.principalId === ctx.caller.id || r.createdById === ctx.caller.id;
      if (!mine && !isTenantReader(ctx.state, ctx.caller, ctx.clock.now())) throw pimForbidden();
      const now = ctx.clock.now();
      const target = r.targetScheduleId ? ctx.state.schedules[r.targetScheduleId] : undefined;
      const pending = r.status.startsWith('Pending') || r.status === 'Granted';
      const notStarted =
        r.status === 'Provisioned' &&
        target &&
        target.createdUsing === r.id &&
        !target.removedDateTime &&
        Date.parse(target.startDateTime) > now.getTime();
      // UNCONFIRMED: the service's code for cancelling a completed request is undocumented.
      if (!pending && !notStarted)
        throw new GraphError(400, 'BadRequest', `Request '${id}' is ${r.status} and can no longer be canceled.`);
      if (notStarted && target) target.removedDateTime = now.toISOString();
      r.status = 'Canceled';
      r.completedDateTime = now.toISOString();
      const approval = ctx.state.approvals[r.id];
      if (approval) for (const s of approval.stages) if (s.status !== 'Completed') s.status = 'Completed';
      ctx.dirty();
      return noContent();
    }),
  ];
}

export const pimRequestRoutes: Route[] = [...handlers('eligibility'), ...handlers('assignment')];
