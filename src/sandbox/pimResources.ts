// Groups onboarded to PIM for Groups (beta, and the v1.0 page that also exists): ids only.
import { GraphError } from './graphError';
import { collection, entity } from './odata';
import { route, Route } from './router';
import { indexedGroups } from './pimIndex';
import type { SbCtx } from './context';

const SET = 'identityGovernance/privilegedAccess/group/resources';
const view = (id: string) => ({ id, deletedDateTime: null });
const onboarded = (ctx: SbCtx) => indexedGroups(ctx.state).items.filter((g) => g.pimOnboarded);

export const pimResourceRoutes: Route[] = [
  route('GET', `/${SET}`, (ctx) =>
    collection(
      ctx,
      onboarded(ctx).map((g) => view(g.id)),
      { entitySet: SET },
    ),
  ),
  route('GET', `/${SET}/{id}`, (ctx, [id]) => {
    const g = ctx.state.groups[id.toLowerCase()];
    if (!g || !g.pimOnboarded) throw new GraphError(404, 'ResourceNotFound', `The resource '${id}' is not found.`);
    return entity(ctx, SET, view(g.id));
  }),
];
