// eligibilitySchedules, assignmentSchedules and their instances: list (required filter), get, filterByCurrentUser.
// Schedules are current and future ones; instances are the ones in effect at the sandbox clock's now.
import { GraphError } from './graphError';
import { collection, contextUrl, project } from './odata';
import { route, Route } from './router';
import { instanceId, instanceView, scheduleView } from './pimViews';
import { PIM_SET, currentUserFunction, requiredScope } from './pimQueries';
import { activePrincipals, isActiveAt, isCurrentOrFuture, schedulesOfGroup, schedulesOfPrincipal } from './pimIndex';
import { canReadGroupPim, pimForbidden } from './rbac';
import { ok } from './context';
import { directoryObjectView, groupView } from './directoryViews';
import type { SbCtx } from './context';
import type { SbSchedule } from './types';

type Kind = 'eligibility' | 'assignment';
const setName = (kind: Kind, instances: boolean) => `${kind}Schedule${instances ? 'Instances' : 's'}`;

function candidates(
  ctx: SbCtx,
  kind: Kind,
  instances: boolean,
  groupIds: string[],
  principalIds: string[],
): SbSchedule[] {
  const now = ctx.clock.now();
  const pool = groupIds.length
    ? groupIds.flatMap((g) => schedulesOfGroup(ctx.state, g))
    : principalIds.flatMap((p) => schedulesOfPrincipal(ctx.state, p));
  return pool.filter(
    (s) =>
      s.kind === kind &&
      (!principalIds.length || principalIds.includes(s.principalId)) &&
      (instances ? isActiveAt(s, now) : isCurrentOrFuture(s, now)),
  );
}

/** The caller's schedules: its own, and those of groups it is an active member of (memberType Group). */
function mine(ctx: SbCtx, kind: Kind, instances: boolean): { s: SbSchedule; via?: string }[] {
  const now = ctx.clock.now();
  const direct = candidates(ctx, kind, instances, [], [ctx.caller.id]).map((s) => ({ s }));
  const viaGroups = Object.keys(ctx.state.groups)
    .filter(
      (g) =>
        schedulesOfPrincipal(ctx.state, g).length &&
        activePrincipals(ctx.state, g, 'member', now).includes(ctx.caller.id),
    )
    .flatMap((g) => candidates(ctx, kind, instances, [], [g]).map((s) => ({ s, via: g })));
  return [...direct, ...viaGroups];
}

/** $expand=principal / group on schedules and instances (the privilegedAccessSchedule relationships). */
function expandSchedule(ctx: SbCtx, s: SbSchedule, v: Record<string, unknown>): Record<string, unknown> {
  for (const e of ctx.query.expand ?? []) {
    const name = e.name.toLowerCase();
    if (name === 'principal') {
      const o = directoryObjectView(ctx.state, s.principalId);
      v.principal = o ? project(o, e.select) : null;
    } else if (name === 'group') {
      const g = ctx.state.groups[s.groupId];
      v.group = g ? project(groupView(g, ctx.state.tenant.id), e.select) : null;
    } else throw new GraphError(400, 'BadRequest', `Could not find a navigation property named '${e.name}'.`);
  }
  return v;
}

function handlers(kind: Kind, instances: boolean): Route[] {
  const set = setName(kind, instances);
  const base = `/identityGovernance/privilegedAccess/group/${set}`;
  const view = instances ? instanceView : scheduleView;
  const respond = (ctx: SbCtx, rows: SbSchedule[]) =>
    collection(
      ctx,
      rows.map((s) => expandSchedule(ctx, s, view(s))),
      { entitySet: `${PIM_SET}/${set}` },
    );
  // A function's result is a typed collection: Collection(type) context and @odata.type on each item (doc samples).
  const type = `privilegedAccessGroup${kind === 'eligibility' ? 'Eligibility' : 'Assignment'}Schedule${instances ? 'Instance' : ''}`;
  const respondFunction = (ctx: SbCtx, rows: { s: SbSchedule; via?: string }[]) =>
    collection(
      ctx,
      rows.map(({ s, via }) => ({
        '@odata.type': `#microsoft.graph.${type}`,
        ...view(s, via ? ctx.caller.id : undefined),
      })),
      { entitySet: `Collection(${type})` },
    );
  return [
    route('GET', base, (ctx) => {
      const { groupIds, principalIds } = requiredScope(ctx);
      return respond(ctx, candidates(ctx, kind, instances, groupIds, principalIds));
    }),
    route('GET', `${base}/{id}`, (ctx, [id]) => {
      if (currentUserFunction(id, ['principal'])) return respondFunction(ctx, mine(ctx, kind, instances));
      const key = id.toLowerCase();
      const groupId = key.split('_')[0];
      const now = ctx.clock.now();
      const s = schedulesOfGroup(ctx.state, groupId).find(
        (x) =>
          x.kind === kind &&
          (instances ? instanceId(x) === key && isActiveAt(x, now) : x.id === key && isCurrentOrFuture(x, now)),
      );
      if (!s || (!instances && ctx.replication.lagging(s.id)))
        throw new GraphError(
          404,
          'ResourceNotFound',
          `The ${instances ? 'instance' : 'schedule'} '${id}' is not found.`,
        );
      if (s.principalId !== ctx.caller.id && !canReadGroupPim(ctx.state, ctx.caller, ctx.state.groups[s.groupId], now))
        throw pimForbidden();
      return ok({
        '@odata.context': `${contextUrl(ctx, `${PIM_SET}/${set}`, ctx.query.select)}/$entity`,
        ...project(expandSchedule(ctx, s, view(s)), ctx.query.select),
      });
    }),
  ];
}

export const pimScheduleRoutes: Route[] = [
  ...handlers('eligibility', false),
  ...handlers('eligibility', true),
  ...handlers('assignment', false),
  ...handlers('assignment', true),
];
