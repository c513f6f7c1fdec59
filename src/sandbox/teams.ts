// PUT /groups/{id}/team (the Team binding): makes a Team of a Microsoft 365 group that has at least one owner → 201.
import { GraphError } from './graphError';
import { contextUrl } from './odata';
import { route, Route } from './router';
import { groupOr404 } from './groups';
import { activePrincipals } from './pimIndex';
import { ok } from './context';
import type { SbCtx } from './context';
import type { SbGroup } from './types';

function teamView(ctx: SbCtx, g: SbGroup): Record<string, unknown> {
  return {
    '@odata.context': `${contextUrl(ctx, 'teams')}/$entity`,
    id: g.id,
    displayName: g.displayName,
    description: g.description,
    isArchived: false,
    webUrl: `https://teams.microsoft.com/l/team/${g.id}`,
    ...g.team,
  };
}

export const teamRoutes: Route[] = [
  route('PUT', '/groups/{id}/team', (ctx, [id]) => {
    const g = groupOr404(ctx, id);
    if (!g.groupTypes.includes('Unified'))
      throw new GraphError(400, 'BadRequest', 'Only Microsoft 365 groups (groupTypes Unified) can have a team.');
    if (!activePrincipals(ctx.state, g.id, 'owner', ctx.clock.now()).length)
      throw new GraphError(400, 'BadRequest', 'The group must have at least one owner to create a team.');
    if (g.team) throw new GraphError(409, 'Conflict', 'The group already has a team.');
    const b = (ctx.body ?? {}) as Record<string, unknown>;
    const pick = (k: string) => (b[k] && typeof b[k] === 'object' ? (b[k] as Record<string, unknown>) : {});
    g.team = {
      memberSettings: { allowCreateUpdateChannels: true, allowDeleteChannels: true, ...pick('memberSettings') },
      messagingSettings: { allowUserEditMessages: true, allowUserDeleteMessages: true, ...pick('messagingSettings') },
      funSettings: { allowGiphy: true, giphyContentRating: 'moderate', ...pick('funSettings') },
      guestSettings: { allowCreateUpdateChannels: false, allowDeleteChannels: false, ...pick('guestSettings') },
    };
    ctx.dirty();
    return { ...ok(teamView(ctx, g)), status: 201 };
  }),
  route('GET', '/groups/{id}/team', (ctx, [id]) => {
    const g = groupOr404(ctx, id);
    if (!g.team) throw new GraphError(404, 'NotFound', 'No team found with Group Id ' + g.id);
    return ok(teamView(ctx, g));
  }),
];
