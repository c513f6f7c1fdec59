// The tenant's catalogue of what bindings can name (Intune roles and scope tags, subscribed SKUs, Conditional
// Access policies, Azure role definitions per subscription) without any group: the same reads, in the same one
// round, as the planner's (readBindings.ts with no groups), so the editor and the plan know the same names.
import type { GraphTransport } from '../graph/transport';
import type { BindingCatalog, BindingKind } from '../tenant/bindingsState';
import { BINDING_KINDS } from './registry';
import { readBindingsState } from './readBindings';

export async function readBindingCatalog(
  t: GraphTransport,
  kinds: readonly BindingKind[],
  azureScopes: readonly string[] = [],
  signal?: AbortSignal,
): Promise<BindingCatalog> {
  const state = await readBindingsState(
    BINDING_KINDS,
    t,
    { kinds: new Set(kinds), groups: [], azureScopes: [...azureScopes] },
    signal,
  );
  return state.catalog;
}
