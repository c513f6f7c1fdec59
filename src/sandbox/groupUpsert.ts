// Group upsert by its alternate key (DOC group-upsert, v1.0): `PATCH /groups(uniqueName='…')` with
// `Prefer: create-if-missing` creates the group when no group has that uniqueName (201 and the group) and updates it
// otherwise (204); without the Prefer header it is an update only (404 when missing). `GET /groups(uniqueName='…')`
// reads the group by the same key. Both spellings of the path are accepted: `/groups(…)` and `/groups/(…)`.
import { GraphError } from './graphError';
import { createGroup, patchGroup } from './groups';
import { canManageGroup, directoryForbidden } from './rbac';
import { entity } from './odata';
import { groupView } from './directoryViews';
import type { Route } from './router';
import type { SbCtx } from './context';
import type { SbGroup } from './types';

const KEY = /^\/groups\/?\(uniqueName='((?:[^']|'')*)'\)\/?$/i;

function byUniqueName(ctx: SbCtx, raw: string): { name: string; group?: SbGroup } {
  const name = raw.replace(/''/g, "'");
  const group = Object.values(ctx.state.groups).find((g) => g.uniqueName?.toLowerCase() === name.toLowerCase());
  return { name, group };
}

const missing = (name: string) =>
  new GraphError(
    404,
    'Request_ResourceNotFound',
    `Resource '${name}' does not exist or one of its queried reference-property objects are not present.`,
  );

export const groupUpsertRoutes: Route[] = [
  {
    method: 'PATCH',
    pattern: KEY,
    handler: (ctx, [raw]) => {
      const { name, group } = byUniqueName(ctx, raw);
      if (ctx.body === null || typeof ctx.body !== 'object' || Array.isArray(ctx.body))
        throw new GraphError(400, 'BadRequest', 'The request body must be a JSON object.');
      if (group) {
        if (!canManageGroup(ctx.state, ctx.caller, group, ctx.clock.now())) throw directoryForbidden();
        return patchGroup(ctx, group, true);
      }
      if (!/(^|[,;\s])create-if-missing([,;\s]|$)/i.test(ctx.headers.prefer ?? '')) throw missing(name);
      const body = ctx.body as Record<string, unknown>;
      if (body.uniqueName !== undefined && body.uniqueName !== name)
        throw new GraphError(400, 'Request_BadRequest', 'The uniqueName in the body differs from the key in the URL.');
      ctx.body = { ...body, uniqueName: name };
      const created = createGroup(ctx);
      return { ...created, headers: { ...created.headers, 'Preference-Applied': 'create-if-missing' } };
    },
  },
  {
    method: 'GET',
    pattern: KEY,
    handler: (ctx, [raw]) => {
      const { name, group } = byUniqueName(ctx, raw);
      if (!group) throw missing(name);
      return entity(ctx, 'groups', groupView(group, ctx.state.tenant.id));
    },
  },
];
