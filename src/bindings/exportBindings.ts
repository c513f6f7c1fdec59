// Tenant → `bindings:` for exported groups: every kind, by name (role, SKU part number, policy display name),
// so that planning the export against the same tenant is empty. Azure roles are looked up in every subscription
// the caller can list; without an ARM connection they are left out with a warning.
import type { Bindings } from '../definitions/model';
import type { ActualGroup } from '../tenant/actualState';
import type { GraphTransport } from '../graph/transport';
import { armAccessOf, armUrl } from './armAccess';
import type { BindingKind } from './model';
import { readBindingsState } from './readBindings';
import { azureRoleNameOf, caPolicyOf, intuneRoleOf, planOf, scopeTagOf, skuOf } from './resolve';

export async function exportBindings(t: GraphTransport, groups: ActualGroup[], warnings: string[], signal?: AbortSignal): Promise<Map<string, Bindings>> {
  const arm = armAccessOf(t);
  let scopes: string[] = [];
  if (arm) {
    try { scopes = (await arm.t.get<{ value: { id: string }[] }>(armUrl(arm, '/subscriptions'), { signal })).value.map((s) => s.id); }
    catch (e) { warnings.push(`Azure role bindings not exported: ${(e as Error).message}`); }
  } else warnings.push('Azure role bindings not exported: no Azure Resource Manager connection.');
  const kinds: BindingKind[] = ['intuneRole', 'license', 'conditionalAccess', 'team', ...(scopes.length ? ['azureRole' as const] : [])];
  const state = await readBindingsState(t, { kinds: new Set(kinds), azureScopes: scopes, groups: groups.map((g) => ({ key: g.id, id: g.id, type: g.type })) }, signal);
  const c = state.catalog;
  for (const [kind, why] of Object.entries(c.errors)) warnings.push(`${kind} bindings not exported: ${why}`);
  const out = new Map<string, Bindings>();
  for (const g of groups) {
    const s = state.groups[g.id];
    if (!s) continue;
    const b: Bindings = {};
    if (s.intuneRoles.length) b.intuneRoles = s.intuneRoles.map((a) => ({ role: intuneRoleOf(c, a.roleDefinitionId)?.displayName ?? a.roleDefinitionId, scopeTags: a.roleScopeTagIds.map((id) => scopeTagOf(c, id)?.displayName ?? id) }));
    if (s.azureRoles?.length) b.azureRoles = s.azureRoles.map((a) => ({ scope: a.scope, role: azureRoleNameOf(c, a.scope, a.roleDefinitionId) }));
    if (s.licenses.length) b.licenses = s.licenses.map((l) => {
      const sku = skuOf(c, l.skuId);
      return { sku: sku?.skuPartNumber ?? l.skuId, disabledPlans: l.disabledPlans.map((p) => (sku && planOf(sku, p)?.name) || p) };
    });
    const ca = s.conditionalAccess;
    if (ca.excludeFrom.length || ca.includeIn.length) {
      b.conditionalAccess = {};
      if (ca.excludeFrom.length) b.conditionalAccess.excludeFrom = ca.excludeFrom.map((id) => caPolicyOf(c, id)?.displayName ?? id);
      if (ca.includeIn.length) b.conditionalAccess.includeIn = ca.includeIn.map((id) => caPolicyOf(c, id)?.displayName ?? id);
    }
    if (s.team) b.team = true;
    if (Object.keys(b).length) out.set(g.id, b);
  }
  return out;
}
