// Conditional Access (a binding kind): policies GET/PATCH (204). PATCH merges objects and replaces each supplied array
// wholesale, so callers read, merge and write include/excludeGroups. Group ids must exist.
import { GraphError, badRequest } from './graphError';
import { collection, contextUrl, project } from './odata';
import { route, Route } from './router';
import { ok, noContent } from './context';
import type { SbCtx } from './context';

const SET = 'identity/conditionalAccess/policies';

function merge(target: Record<string, unknown>, patch: Record<string, unknown>): Record<string, unknown> {
  const out = { ...target };
  for (const [k, v] of Object.entries(patch)) {
    out[k] =
      v && typeof v === 'object' && !Array.isArray(v) && out[k] && typeof out[k] === 'object' && !Array.isArray(out[k])
        ? merge(out[k] as Record<string, unknown>, v as Record<string, unknown>)
        : v;
  }
  return out;
}

function validate(ctx: SbCtx, policy: Record<string, unknown>) {
  const users = ((policy.conditions as Record<string, unknown> | undefined)?.users ?? {}) as Record<string, unknown>;
  for (const key of ['includeGroups', 'excludeGroups']) {
    const ids = users[key];
    if (ids === undefined || ids === null) continue;
    if (!Array.isArray(ids)) throw badRequest(`conditions.users.${key} must be an array.`);
    for (const id of ids)
      if (!ctx.state.groups[String(id).toLowerCase()])
        throw badRequest(`conditions.users.${key} contains '${String(id)}', which is not a group in this tenant.`);
  }
  const state = policy.state;
  if (!['enabled', 'disabled', 'enabledForReportingButNotEnforced'].includes(String(state)))
    throw badRequest(`Invalid state '${String(state)}'.`);
}

function find(ctx: SbCtx, id: string) {
  const p = ctx.state.conditionalAccessPolicies[id.toLowerCase()];
  if (!p) throw new GraphError(404, 'ResourceNotFound', `The policy '${id}' was not found.`);
  return p;
}

export const conditionalAccessRoutes: Route[] = [
  route('GET', `/${SET}`, (ctx) =>
    collection(ctx, Object.values(ctx.state.conditionalAccessPolicies), { entitySet: SET }),
  ),
  route('GET', `/${SET}/{id}`, (ctx, [id]) =>
    ok({ '@odata.context': `${contextUrl(ctx, SET)}/$entity`, ...project(find(ctx, id), ctx.query.select) }),
  ),
  route('PATCH', `/${SET}/{id}`, (ctx, [id]) => {
    const current = find(ctx, id);
    const b = ctx.body;
    if (!b || typeof b !== 'object' || Array.isArray(b))
      throw badRequest('The body must be a conditionalAccessPolicy object.');
    const { id: _ignored, ...patch } = b as Record<string, unknown>;
    const next = merge(current, patch);
    validate(ctx, next);
    next.modifiedDateTime = ctx.clock.now().toISOString();
    ctx.state.conditionalAccessPolicies[current.id as string] = next;
    ctx.dirty();
    return noContent();
  }),
  route('GET', '/identity/conditionalAccess/authenticationContextClassReferences', (ctx) =>
    collection(
      ctx,
      Object.values(ctx.state.authenticationContexts).map((a) => ({ ...a, description: null })),
      { entitySet: 'identity/conditionalAccess/authenticationContextClassReferences' },
    ),
  ),
];
