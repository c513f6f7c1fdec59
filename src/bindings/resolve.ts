// References by name → ids, case-insensitively, also accepting the id itself. Each returns undefined when unknown,
// and the planner turns that into an error naming the target (before anything is written).
import { roleGuidOf, subscriptionOf } from './armAccess';
import type { BindingCatalog, CatalogAzureRole, CatalogCaPolicy, CatalogSku } from '../tenant/bindingsState';

const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

export const directoryRoleOf = (c: BindingCatalog, ref: string) =>
  (c.directoryRoles ?? []).find((r) => same(r.displayName, ref) || same(r.templateId, ref) || same(r.id, ref));
export const intuneRoleOf = (c: BindingCatalog, ref: string) =>
  c.intuneRoles.find((r) => same(r.displayName, ref) || same(r.id, ref));
export const scopeTagOf = (c: BindingCatalog, ref: string) =>
  c.scopeTags.find((t) => same(t.displayName, ref) || same(t.id, ref));
export const skuOf = (c: BindingCatalog, ref: string): CatalogSku | undefined =>
  c.skus.find((s) => same(s.skuPartNumber, ref) || same(s.skuId, ref));
export const planOf = (sku: CatalogSku, ref: string) => sku.plans.find((p) => same(p.name, ref) || same(p.id, ref));
export const caPolicyOf = (c: BindingCatalog, ref: string): CatalogCaPolicy | undefined =>
  c.caPolicies.find((p) => same(p.displayName, ref) || same(p.id, ref));

export function azureRoleOf(c: BindingCatalog, scope: string, ref: string): CatalogAzureRole | undefined {
  const roles = c.azureRoles[subscriptionOf(scope) ?? ''] ?? [];
  return roles.find((r) => same(r.roleName, ref) || same(roleGuidOf(r.id), ref) || same(r.id, ref));
}

export function azureRoleNameOf(c: BindingCatalog, scope: string, guid: string): string {
  return (
    (c.azureRoles[subscriptionOf(scope) ?? ''] ?? []).find((r) => roleGuidOf(r.id) === guid.toLowerCase())?.roleName ??
    guid
  );
}

/** Owner and User Access Administrator can grant access to others: at subscription scope or above, the whole estate. */
const ELEVATING = ['8e3af657-a8ff-443c-a75c-2fe8c4bcb635', '18d7d88d-d35e-4fb5-a5c3-7773c20a72d9'];
export function isPrivilegedAzureGrant(scope: string, roleGuid: string): boolean {
  return (
    ELEVATING.includes(roleGuid.toLowerCase()) &&
    /^\/(subscriptions\/[^/]+\/?)?$|^\/providers\/Microsoft\.Management\/managementGroups\/[^/]+\/?$/i.test(scope)
  );
}
