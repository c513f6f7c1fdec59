// Shared rules of the PIM list endpoints: the required $filter on groupId or principalId (reference §1.4), the
// caller's right to read what it filters on, and filterByCurrentUser(on='...').
import { GraphError, badRequest } from './graphError';
import { eqValues } from './filter';
import { canReadGroupPim, isTenantReader, pimForbidden } from './rbac';
import type { SbCtx } from './context';

export const PIM_SET = 'identityGovernance/privilegedAccess/group';

export interface PimScope {
  groupIds: string[];
  principalIds: string[];
}

/** The groupId / principalId values the $filter pins; throws the service's 400 when there are none. */
export function requiredScope(ctx: SbCtx): PimScope {
  const groupIds = eqValues(ctx.query.filter, 'groupId').map((x) => x.toLowerCase());
  const principalIds = eqValues(ctx.query.filter, 'principalId').map((x) => x.toLowerCase());
  if (!groupIds.length && !principalIds.length) {
    // The service's exact answer is undocumented (reference §1.4, §8.2); 400 is what users report.
    throw badRequest('The request is invalid: this list requires a $filter (eq) on principalId or groupId.');
  }
  const now = ctx.clock.now();
  const byGroup =
    groupIds.length > 0 && groupIds.every((g) => canReadGroupPim(ctx.state, ctx.caller, ctx.state.groups[g], now));
  const byPrincipal =
    principalIds.length > 0 &&
    principalIds.every((p) => p === ctx.caller.id || isTenantReader(ctx.state, ctx.caller, now));
  if (!byGroup && !byPrincipal) throw pimForbidden();
  return { groupIds, principalIds };
}

/** `filterByCurrentUser(on='principal')` → 'principal'; undefined when the segment is not that function. */
export function currentUserFunction(segment: string, allowed: string[]): string | undefined {
  const m = /^filterByCurrentUser\(on='?([A-Za-z]+)'?\)$/i.exec(segment);
  if (!m) return undefined;
  const on = allowed.find((a) => a.toLowerCase() === m[1].toLowerCase());
  if (!on)
    throw new GraphError(
      400,
      'BadRequest',
      `The parameter 'on' has an invalid value '${m[1]}'; expected one of: ${allowed.join(', ')}.`,
    );
  return on;
}
