// /users, /me, /servicePrincipals, /directoryObjects: resolving the principals a definition names.
import { GraphError, badRequest } from './graphError';
import { collection, entity } from './odata';
import { route, Route } from './router';
import { directoryObjectView, findUser, servicePrincipalView, userView } from './directoryViews';
import { checkAdvanced, search } from './groups';
import { patchUser } from './userPatch';
import { activePrincipals, indexedUsers } from './pimIndex';
import { ok } from './context';
import { indexedCandidates } from './prefilter';
import { directoryRoleViews } from './directoryRoleObjects';
import { transitiveMemberOf } from './transitiveMembership';
import type { SbCtx } from './context';

const notFound = (id: string) =>
  new GraphError(
    404,
    'Request_ResourceNotFound',
    `Resource '${id}' does not exist or one of its queried reference-property objects are not present.`,
  );

/** Groups the user is a member of right now (active PIM assignments included, eligible ones not), then their
 *  active directory roles. */
function memberOf(ctx: SbCtx, userId: string) {
  const now = ctx.clock.now();
  const rows = Object.keys(ctx.state.groups)
    .filter((g) => activePrincipals(ctx.state, g, 'member', now).includes(userId))
    .map((g) => directoryObjectView(ctx.state, g)!);
  const user = ctx.state.users[userId];
  if (user) rows.push(...directoryRoleViews(ctx.state, user.directoryRoles));
  return collection(ctx, rows, { entitySet: 'directoryObjects', countNeedsConsistency: true });
}

function userOr404(ctx: SbCtx, key: string) {
  const u = findUser(ctx.state, key);
  if (!u) throw notFound(key);
  return u;
}

export const userRoutes: Route[] = [
  route('GET', '/users', (ctx) => {
    checkAdvanced(ctx);
    const listed = indexedCandidates(ctx.query.filter, indexedUsers(ctx.state));
    return collection(ctx, search(ctx, listed.map(userView)), {
      entitySet: 'users',
      countNeedsConsistency: true,
    });
  }),
  route('GET', '/users/{id}', (ctx, [id]) => entity(ctx, 'users', userView(userOr404(ctx, id)))),
  route('PATCH', '/users/{id}', (ctx, [id]) => patchUser(ctx, userOr404(ctx, id))),
  route('GET', '/me', (ctx) => {
    if (ctx.claims.appOnly)
      throw new GraphError(400, 'BadRequest', '/me request is only valid with delegated authentication flow.');
    return entity(ctx, 'users', userView(ctx.caller));
  }),
  route('GET', '/me/memberOf', (ctx) => memberOf(ctx, ctx.caller.id)),
  route('GET', '/users/{id}/memberOf', (ctx, [id]) => memberOf(ctx, userOr404(ctx, id).id)),
  route('GET', '/me/transitiveMemberOf', (ctx) => transitiveMemberOf(ctx, ctx.caller)),
  route('GET', '/users/{id}/transitiveMemberOf', (ctx, [id]) => transitiveMemberOf(ctx, userOr404(ctx, id))),
  route('GET', '/servicePrincipals', (ctx) => {
    checkAdvanced(ctx);
    return collection(ctx, Object.values(ctx.state.servicePrincipals).map(servicePrincipalView), {
      entitySet: 'servicePrincipals',
      countNeedsConsistency: true,
    });
  }),
  route('GET', '/servicePrincipals/{id}', (ctx, [id]) => {
    const key = id.replace(/^\(appId='(.*)'\)$/i, '$1').toLowerCase();
    const sp =
      ctx.state.servicePrincipals[key] ?? Object.values(ctx.state.servicePrincipals).find((s) => s.appId === key);
    if (!sp) throw notFound(id);
    return entity(ctx, 'servicePrincipals', servicePrincipalView(sp));
  }),
  route('GET', '/directoryObjects/{id}', (ctx, [id]) => {
    const o = directoryObjectView(ctx.state, id.toLowerCase());
    if (!o) throw notFound(id);
    return entity(ctx, 'directoryObjects', o);
  }),
  route('POST', '/directoryObjects/getByIds', (ctx) => {
    const b = (ctx.body ?? {}) as { ids?: unknown; types?: unknown };
    if (!Array.isArray(b.ids) || b.ids.length === 0)
      throw badRequest('The ids parameter is required.', 'Request_BadRequest');
    if (b.ids.length > 1000) throw badRequest('A maximum of 1000 ids can be requested.', 'Request_BadRequest');
    const types = Array.isArray(b.types)
      ? b.types.map((t) => `#microsoft.graph.${String(t).toLowerCase()}`)
      : undefined;
    const value = b.ids
      .map((id) => directoryObjectView(ctx.state, String(id).toLowerCase()))
      .filter(
        (o): o is Record<string, unknown> =>
          Boolean(o) && (!types || types.includes(String(o!['@odata.type']).toLowerCase())),
      );
    return ok({ '@odata.context': `${ctx.baseUrl}/${ctx.version}/$metadata#directoryObjects`, value });
  }),
  route('GET', '/organization', (ctx) =>
    ok({
      '@odata.context': `${ctx.baseUrl}/${ctx.version}/$metadata#organization`,
      value: [
        {
          id: ctx.state.tenant.id,
          displayName: ctx.state.tenant.displayName,
          verifiedDomains: [
            {
              name: ctx.state.tenant.domain,
              isDefault: true,
              isInitial: false,
              type: 'Managed',
              capabilities: 'Email, OfficeCommunicationsOnline',
            },
          ],
        },
      ],
    }),
  ),
];
