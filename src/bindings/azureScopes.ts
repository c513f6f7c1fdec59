// The Azure scopes the caller can see, for completing `scope:` of an Azure role binding: each subscription and its
// resource groups, read from ARM (armAccess.ts decides the host and token). Resource scopes below a resource group
// are not listed: there can be thousands, and a binding names one rarely.
import type { GraphTransport } from '../graph/transport';
import { armAccessOf, armUrl } from './armAccess';

export interface AzureScopeOption {
  /** `/subscriptions/<id>` or `/subscriptions/<id>/resourceGroups/<name>`. */
  scope: string;
  /** The subscription's display name, or the resource group's name. */
  label: string;
}

/** Undefined when this connection has no ARM access (then the editor offers nothing rather than guessing). */
export async function listAzureScopes(
  t: GraphTransport,
  signal?: AbortSignal,
): Promise<AzureScopeOption[] | undefined> {
  const arm = armAccessOf(t);
  if (!arm) return undefined;
  const subs = await arm.t.getAll<{ subscriptionId: string; displayName?: string }>(armUrl(arm, '/subscriptions'), {
    signal,
  });
  const groups = await Promise.all(
    subs.map((s) =>
      arm.t.getAll<{ name: string }>(armUrl(arm, `/subscriptions/${s.subscriptionId}/resourcegroups`), { signal }),
    ),
  );
  return subs.flatMap((s, i) => [
    { scope: `/subscriptions/${s.subscriptionId}`, label: s.displayName ?? s.subscriptionId },
    ...groups[i].map((g) => ({ scope: `/subscriptions/${s.subscriptionId}/resourceGroups/${g.name}`, label: g.name })),
  ]);
}
