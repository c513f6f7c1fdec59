// Edit-time checks of what definitions name in the tenant, with the plan's own codes so the editor and the plan
// agree: PIM201/PIM202 (assignment principal unknown / ambiguous), PIM213 (approver unknown), PIM203/PIM204/PIM205
// (the managed group is dynamic / synced / not unique), PIM301 (a binding names an Intune role, scope tag, Azure
// role or scope, Conditional Access policy or SKU the tenant does not have). Only facts already looked up are
// judged: a reference not yet known, or a catalogue whose read failed, yields nothing (never a false alarm). Pure;
// it lives in the engine because the bindings' name matching (resolve.ts) does, and the editor calls it from there.
import type { Finding, PimGroupDefinition, PolicyTemplateDefinition } from '../definitions/model';
import { principalKey } from '../definitions/principalReference';
import type { PrincipalKind } from '../definitions/principalReference';
import type { BindingCatalog } from '../tenant/bindingsState';
import { azureRoleOf, caPolicyOf, intuneRoleOf, scopeTagOf, skuOf } from '../bindings/resolve';
import { scopeKey, subscriptionOf } from '../bindings/armAccess';
import { referencesOf, TenantReference } from '../definitions/tenantReferences';

/** What the editor knows of one principal reference (the plan's resolution, with the user's state for hovers). */
export type KnownPrincipal =
  | {
      state: 'found';
      id: string;
      kind: PrincipalKind;
      displayName?: string;
      /** Users only. */
      accountEnabled?: boolean;
      guest?: boolean;
    }
  | { state: 'unknown' }
  | { state: 'ambiguous'; ids: string[] };

export interface ManagedGroupFacts {
  id: string;
  dynamic: boolean;
  synced: boolean;
}

export interface CheckFacts {
  /** By principalKey; absent: not looked up yet. */
  principals: ReadonlyMap<string, KnownPrincipal>;
  /** By lower-cased display name; absent: not looked up yet. */
  groupsByName: ReadonlyMap<string, ManagedGroupFacts[]>;
  /** The catalogue, and which of its parts were read successfully. */
  catalog?: BindingCatalog;
  catalogRead: ReadonlySet<'intuneRoles' | 'scopeTags' | 'skus' | 'caPolicies' | 'azure'>;
}

export function editTimeChecks(def: PimGroupDefinition | PolicyTemplateDefinition, facts: CheckFacts): Finding[] {
  const out: Finding[] = [];
  const at = (r: TenantReference, code: string, message: string, severity: Finding['severity'] = 'error') =>
    out.push({ code, message, severity, file: def.source.file, range: def.source.rangeOf(r.path) });
  const cat = facts.catalog;
  for (const r of referencesOf(def)) {
    switch (r.kind) {
      case 'principal': {
        const p = facts.principals.get(principalKey(r.value));
        if (p?.state === 'unknown')
          at(r, 'PIM201', `'${r.value}' was not found in the tenant; check the spelling, or create it first.`);
        if (p?.state === 'ambiguous')
          at(
            r,
            'PIM202',
            `'${r.value}' matches ${p.ids.length} objects in the tenant (${p.ids.join(', ')}); name it by id.`,
          );
        break;
      }
      case 'approver': {
        const p = facts.principals.get(principalKey(r.value));
        if (p && p.state !== 'found') at(r, 'PIM213', `Approver '${r.value}' was not found in the tenant.`);
        break;
      }
      case 'managedGroup': {
        const list = facts.groupsByName.get(r.value.toLowerCase());
        if (!list) break;
        if (list.length > 1)
          at(
            r,
            'PIM205',
            `${list.length} groups are named '${r.value}' (${list.map((g) => g.id).join(', ')}); pin one with group.id.`,
          );
        else if (list[0]?.dynamic)
          at(
            r,
            'PIM203',
            `'${r.value}' has dynamic membership; PIM for Groups cannot manage it. Use an assigned-membership group.`,
          );
        else if (list[0]?.synced)
          at(
            r,
            'PIM204',
            `'${r.value}' is synchronized from on-premises; PIM for Groups cannot manage it. Use a cloud group.`,
          );
        break;
      }
      case 'intuneRole':
        if (cat && facts.catalogRead.has('intuneRoles') && !intuneRoleOf(cat, r.value))
          at(r, 'PIM301', `Intune role '${r.value}' does not exist in the tenant.`);
        break;
      case 'scopeTag':
        if (cat && facts.catalogRead.has('scopeTags') && !scopeTagOf(cat, r.value))
          at(r, 'PIM301', `Intune scope tag '${r.value}' does not exist in the tenant.`);
        break;
      case 'caPolicy':
        if (cat && facts.catalogRead.has('caPolicies') && !caPolicyOf(cat, r.value))
          at(r, 'PIM301', `Conditional Access policy '${r.value}' does not exist in the tenant.`);
        break;
      case 'sku':
        if (cat && facts.catalogRead.has('skus') && !skuOf(cat, r.value))
          at(r, 'PIM301', `Licence SKU '${r.value}' is not subscribed in the tenant.`);
        break;
      case 'azureRole': {
        if (!cat || !facts.catalogRead.has('azure')) break;
        const scopeError = cat.azureScopeErrors[scopeKey(r.scope)];
        const sub = subscriptionOf(r.scope);
        if (scopeError)
          at(
            { ...r, path: [...r.path.slice(0, -1), 'scope'] },
            'PIM301',
            `Azure scope '${r.scope}' cannot be used: ${scopeError}`,
          );
        else if (sub && cat.azureRoles[sub] && !azureRoleOf(cat, r.scope, r.value))
          at(r, 'PIM301', `Azure role '${r.value}' does not exist at '${r.scope}'.`);
        break;
      }
    }
  }
  return out;
}
