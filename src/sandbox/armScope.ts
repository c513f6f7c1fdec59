// ARM scopes: /subscriptions/{id}[/resourceGroups/{rg}[/providers/{ns}/{type}/{name}]] (management groups are not
// modelled). Validated against the seeded subscriptions with ARM's 404 codes.
import type { SbState } from './types';

export class ArmError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export interface ArmScope {
  scope: string;
  subscriptionId: string;
  resourceGroup?: string;
}

export function parseScope(state: SbState, raw: string): ArmScope {
  const m = /^\/subscriptions\/([^/]+)(?:\/resourceGroups\/([^/]+)(\/providers\/[^/]+\/[^/]+\/[^/]+)?)?$/i.exec(raw);
  if (!m) throw new ArmError(400, 'InvalidScope', `The scope '${raw}' is not valid.`);
  const sub = state.azure.subscriptions[m[1].toLowerCase()];
  if (!sub) throw new ArmError(404, 'SubscriptionNotFound', `The subscription '${m[1]}' could not be found.`);
  const rg = m[2] ? sub.resourceGroups.find((r) => r.toLowerCase() === m[2].toLowerCase()) : undefined;
  if (m[2] && !rg) throw new ArmError(404, 'ResourceGroupNotFound', `Resource group '${m[2]}' could not be found.`);
  let scope = `/subscriptions/${sub.subscriptionId}${rg ? `/resourceGroups/${rg}` : ''}`;
  if (m[3]) {
    const full = `${scope}${m[3]}`;
    const resource = sub.resources.find((r) => r.toLowerCase() === full.toLowerCase());
    if (!resource)
      throw new ArmError(
        404,
        'ResourceNotFound',
        `The Resource '${m[3].split('/').slice(2).join('/')}' under resource group '${rg}' was not found.`,
      );
    scope = resource;
  }
  return { scope, subscriptionId: sub.subscriptionId, resourceGroup: rg };
}

/** True when `outer` is `inner` or one of its ancestors (an assignment at `outer` applies at `inner`). */
export const covers = (outer: string, inner: string) =>
  inner.toLowerCase() === outer.toLowerCase() || inner.toLowerCase().startsWith(`${outer.toLowerCase()}/`);
