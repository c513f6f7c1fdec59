// Tenant → `bindings:` for exported groups: every kind, by name (role, SKU part number, policy display name),
// so that planning the export against the same tenant is empty. Azure roles are looked up in every subscription
// the caller can list; without an ARM connection they are left out with a warning.
import type { Bindings } from '../definitions/model';
import type { ActualGroup } from '../tenant/actualState';
import type { GraphTransport } from '../graph/transport';
import { armAccessOf, armUrl } from './armAccess';
import type { BindingKind } from '../tenant/bindingsState';
import { readBindingsState } from './readBindings';
import { BINDING_KINDS } from './registry';

export async function exportBindings(
  t: GraphTransport,
  groups: ActualGroup[],
  warnings: string[],
  signal?: AbortSignal,
): Promise<Map<string, Bindings>> {
  const arm = armAccessOf(t);
  let scopes: string[] = [];
  if (arm) {
    try {
      scopes = (await arm.t.get<{ value: { id: string }[] }>(armUrl(arm, '/subscriptions'), { signal })).value.map(
        (s) => s.id,
      );
    } catch (e) {
      warnings.push(`Azure role bindings not exported: ${(e as Error).message}`);
    }
  } else warnings.push('Azure role bindings not exported: no Azure Resource Manager connection.');
  const kinds: BindingKind[] = [
    'intuneRole',
    'license',
    'conditionalAccess',
    'team',
    ...(scopes.length ? ['azureRole' as const] : []),
    // Only a role-assignable group can hold a Microsoft Entra role (and reading them needs RoleManagement.Read).
    ...(groups.some((g) => g.roleAssignable) ? ['directoryRole' as const] : []),
  ];
  const state = await readBindingsState(
    BINDING_KINDS,
    t,
    { kinds: new Set(kinds), azureScopes: scopes, groups: groups.map((g) => ({ key: g.id, id: g.id, type: g.type })) },
    signal,
  );
  const c = state.catalog;
  for (const [kind, why] of Object.entries(c.errors)) warnings.push(`${kind} bindings not exported: ${why}`);
  const out = new Map<string, Bindings>();
  for (const g of groups) {
    const s = state.groups[g.id];
    if (!s) continue;
    const b: Bindings = Object.assign({}, ...BINDING_KINDS.map((k) => k.export(s, c)));
    if (Object.keys(b).length) out.set(g.id, b);
  }
  return out;
}
