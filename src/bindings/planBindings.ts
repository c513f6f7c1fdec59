// Desired bindings (the file) vs the tenant's → binding operations. Each kind the file lists is authoritative for
// this group's own entries (a role, licence or CA membership of the group that the file does not list is removed);
// kinds the file leaves out are not managed. Other groups' entries (a CA policy's other excluded groups, an Intune
// assignment's other members) are never touched. Unresolvable references are errors naming the target.
import type { Bindings, PimGroupDefinition } from '../definitions/model';
import type { PlanIssue, RiskMark, SourceRef } from '../plan/model';
import { sourceAt } from '../plan/sourceRefs';
import { roleGuidOf, scopeKey } from './armAccess';
import type { BindingDetail, BindingOpFields, BindingsState, GroupBindingState } from './model';
import { azureRoleNameOf, azureRoleOf, caPolicyOf, intuneRoleOf, isPrivilegedAzureGrant, planOf, scopeTagOf, skuOf } from './resolve';

export interface PlannedBinding extends BindingOpFields {
  id: string; groupKey: string; summary: string; marks: RiskMark[]; source?: SourceRef; dependsOn: string[];
}
export interface BindingPlan { ops: PlannedBinding[]; issues: PlanIssue[]; grants: string[] }

const EMPTY: GroupBindingState = { intuneRoles: [], azureRoles: [], licenses: [], conditionalAccess: { excludeFrom: [], includeIn: [] }, team: false };
const sorted = (xs: string[]) => [...xs].map((x) => x.toLowerCase()).sort();
const sameSet = (a: string[], b: string[]) => sorted(a).join() === sorted(b).join();

const KIND_KEY = { intuneRole: 'intuneRoles', azureRole: 'azureRoles', license: 'licenses', conditionalAccess: 'conditionalAccess', team: 'team' } as const;
const canonical = (v: unknown) => JSON.stringify(v ?? null);

/** `lastApplied`: the file's bindings at the last apply; a difference on a kind the file has not changed since is drift. */
export function planBindings(def: PimGroupDefinition, state: BindingsState | undefined, groupId: string | undefined, dependsOn: string[], lastApplied?: Bindings): BindingPlan {
  const key = def.metadata.name;
  const b = def.bindings;
  const out: BindingPlan = { ops: [], issues: [], grants: [] };
  if (!b) return out;
  if (!state) { out.issues.push({ severity: 'error', code: 'PIM302', groupKey: key, source: sourceAt(def, ['bindings']), message: 'The bindings were not read from the tenant; plan again.' }); return out; }
  const cat = state.catalog;
  const actual = groupId ? state.groups[key] ?? EMPTY : EMPTY;
  const err = (path: (string | number)[], message: string) => out.issues.push({ severity: 'error', code: 'PIM301', groupKey: key, source: sourceAt(def, ['bindings', ...path]), message });
  const readFailed = (kind: keyof typeof cat.errors, path: string) => {
    const why = cat.errors[kind];
    if (why) out.issues.push({ severity: 'error', code: 'PIM302', groupKey: key, source: sourceAt(def, ['bindings', path]), message: `Could not read ${path} from the tenant: ${why}` });
    return Boolean(why);
  };
  const op = (id: string, action: BindingOpFields['action'], detail: BindingDetail, summary: string, before: string | null, after: string | null, path: (string | number)[], marks: RiskMark[] = []) => {
    const k = KIND_KEY[detail.binding];
    const drift = Boolean(groupId && lastApplied && k in lastApplied && canonical(lastApplied[k]) === canonical(b[k]));
    const all: RiskMark[] = [...(action === 'remove' ? ['removal' as const] : []), ...marks, ...(drift ? ['drift' as const] : [])];
    out.ops.push({ kind: 'binding', id: `${key}/binding/${id}`, groupKey: key, action, detail, summary, before, after, marks: all, source: sourceAt(def, ['bindings', ...path]), dependsOn });
  };

  if (b.intuneRoles && !readFailed('intuneRole', 'intuneRoles')) {
    const wanted = new Set<string>();
    b.intuneRoles.forEach((r, i) => {
      const role = intuneRoleOf(cat, r.role);
      if (!role) return err(['intuneRoles', i, 'role'], `Intune role '${r.role}' does not exist in the tenant (known: ${cat.intuneRoles.map((x) => x.displayName).join(', ')}).`);
      const tags = (r.scopeTags ?? ['Default']).map((t) => ({ ref: t, tag: scopeTagOf(cat, t) }));
      const unknown = tags.filter((t) => !t.tag);
      if (unknown.length) return err(['intuneRoles', i, 'scopeTags'], `Intune scope tag(s) ${unknown.map((t) => `'${t.ref}'`).join(', ')} do not exist (known: ${cat.scopeTags.map((x) => x.displayName).join(', ')}).`);
      wanted.add(role.id);
      const tagIds = tags.map((t) => t.tag!.id);
      const tagText = (ids: string[]) => ids.map((id) => `${scopeTagOf(cat, id)?.displayName ?? id} (${id})`).join(', ');
      const name = `Intune role '${role.displayName}' (id ${role.id})`;
      const current = actual.intuneRoles.find((a) => a.roleDefinitionId === role.id);
      if (!current) op(`intune/${role.id}`, 'add', { binding: 'intuneRole', roleDefinitionId: role.id, roleName: role.displayName, scopeTagIds: tagIds }, `grant ${name}, scope tags ${tagText(tagIds)}`, null, tagText(tagIds), ['intuneRoles', i]);
      else if (!sameSet(current.roleScopeTagIds, tagIds)) op(`intune/${role.id}`, 'change', { binding: 'intuneRole', roleDefinitionId: role.id, roleName: role.displayName, scopeTagIds: tagIds, assignmentId: current.id }, `change scope tags of ${name}`, tagText(current.roleScopeTagIds), tagText(tagIds), ['intuneRoles', i, 'scopeTags']);
      out.grants.push(`Intune role ${role.displayName} (scope tags ${tags.map((t) => t.tag!.displayName).join(', ')})`);
    });
    for (const a of actual.intuneRoles.filter((x) => !wanted.has(x.roleDefinitionId))) {
      const roleName = intuneRoleOf(cat, a.roleDefinitionId)?.displayName ?? a.roleDefinitionId;
      const others = a.members.filter((m) => m.toLowerCase() !== groupId?.toLowerCase());
      op(`intune/${a.roleDefinitionId}`, 'remove', { binding: 'intuneRole', roleDefinitionId: a.roleDefinitionId, roleName, scopeTagIds: a.roleScopeTagIds, assignmentId: a.id, otherMembers: others }, `revoke Intune role '${roleName}' (assignment '${a.displayName}', id ${a.id})`, roleName, null, ['intuneRoles']);
    }
  }

  if (b.azureRoles && !readFailed('azureRole', 'azureRoles')) {
    const wanted = new Set<string>();
    b.azureRoles.forEach((r, i) => {
      const scopeErr = cat.azureScopeErrors[scopeKey(r.scope)] ?? cat.azureScopeErrors[scopeKey(r.scope).split('/').slice(0, 3).join('/')];
      if (scopeErr) return err(['azureRoles', i, 'scope'], `Azure scope '${r.scope}' cannot be used: ${scopeErr}`);
      const role = azureRoleOf(cat, r.scope, r.role);
      if (!role) return err(['azureRoles', i, 'role'], `Azure role '${r.role}' does not exist at '${r.scope}'.`);
      const guid = roleGuidOf(role.id);
      wanted.add(`${scopeKey(r.scope)}|${guid}`);
      out.grants.push(`Azure ${role.roleName} on ${r.scope}`);
      if ((actual.azureRoles ?? []).some((a) => scopeKey(a.scope) === scopeKey(r.scope) && a.roleDefinitionId === guid)) return;
      // No dedicated mark exists yet (requested); a privileged grant weakens the tenant's posture like a weaker policy.
      const privileged = isPrivilegedAzureGrant(r.scope, guid);
      op(`azure/${scopeKey(r.scope)}/${guid}`, 'add', { binding: 'azureRole', scope: r.scope, roleDefinitionId: role.id, roleName: role.roleName }, `grant Azure role '${role.roleName}' (id ${guid}) on ${r.scope}${privileged ? ' — PRIVILEGED: members can grant access to others across the subscription' : ''}`, null, `${role.roleName} on ${r.scope}`, ['azureRoles', i], privileged ? ['weakens-policy'] : []);
    });
    for (const a of (actual.azureRoles ?? []).filter((x) => !wanted.has(`${scopeKey(x.scope)}|${x.roleDefinitionId}`))) {
      const roleName = azureRoleNameOf(cat, a.scope, a.roleDefinitionId);
      op(`azure/${scopeKey(a.scope)}/${a.roleDefinitionId}`, 'remove', { binding: 'azureRole', scope: a.scope, roleDefinitionId: a.roleDefinitionId, roleName, assignmentId: a.id }, `revoke Azure role '${roleName}' on ${a.scope} (assignment ${a.name})`, `${roleName} on ${a.scope}`, null, ['azureRoles']);
    }
  }

  if (b.licenses && !readFailed('license', 'licenses')) {
    const wanted = new Set<string>();
    b.licenses.forEach((l, i) => {
      const sku = skuOf(cat, l.sku);
      if (!sku) return err(['licenses', i, 'sku'], `Licence SKU '${l.sku}' is not subscribed in the tenant (subscribed: ${cat.skus.map((s) => s.skuPartNumber).join(', ')}).`);
      const plans = (l.disabledPlans ?? []).map((p) => ({ ref: p, plan: planOf(sku, p) }));
      const unknown = plans.filter((p) => !p.plan);
      if (unknown.length) return err(['licenses', i, 'disabledPlans'], `Service plan(s) ${unknown.map((p) => `'${p.ref}'`).join(', ')} are not part of ${sku.skuPartNumber} (plans: ${sku.plans.map((p) => p.name).join(', ')}).`);
      if (sku.freeUnits <= 0) out.issues.push({ severity: 'warning', code: 'PIM304', groupKey: key, source: sourceAt(def, ['bindings', 'licenses', i]), message: `${sku.skuPartNumber} has no free units left; members will get licence errors until more are bought.` });
      wanted.add(sku.skuId);
      const ids = plans.map((p) => p.plan!.id);
      const show = (xs: string[]) => `${sku.skuPartNumber}${xs.length ? ` without ${xs.map((x) => planOf(sku, x)?.name ?? x).join(', ')}` : ''}`;
      const name = `licence ${sku.skuPartNumber} (skuId ${sku.skuId})`;
      out.grants.push(`licence ${show(ids)}`);
      const current = actual.licenses.find((x) => x.skuId === sku.skuId);
      if (!current) op(`license/${sku.skuId}`, 'add', { binding: 'license', skuId: sku.skuId, skuPartNumber: sku.skuPartNumber, disabledPlans: ids }, `assign ${name}`, null, show(ids), ['licenses', i]);
      else if (!sameSet(current.disabledPlans, ids)) op(`license/${sku.skuId}`, 'change', { binding: 'license', skuId: sku.skuId, skuPartNumber: sku.skuPartNumber, disabledPlans: ids }, `change disabled plans of ${name}`, show(current.disabledPlans), show(ids), ['licenses', i, 'disabledPlans']);
    });
    for (const l of actual.licenses.filter((x) => !wanted.has(x.skuId))) {
      const part = skuOf(cat, l.skuId)?.skuPartNumber ?? l.skuId;
      op(`license/${l.skuId}`, 'remove', { binding: 'license', skuId: l.skuId, skuPartNumber: part, disabledPlans: l.disabledPlans }, `remove licence ${part} (skuId ${l.skuId})`, part, null, ['licenses']);
    }
  }

  if (b.conditionalAccess && !readFailed('conditionalAccess', 'conditionalAccess')) {
    for (const [field, list, verb, unverb] of [['excludeFrom', 'excludeGroups', 'exclude from', 'stop excluding from'], ['includeIn', 'includeGroups', 'include in', 'stop including in']] as const) {
      const wanted = new Set<string>();
      (b.conditionalAccess[field] ?? []).forEach((ref, i) => {
        const p = caPolicyOf(cat, ref);
        if (!p) return err(['conditionalAccess', field, i], `Conditional Access policy '${ref}' does not exist (policies: ${cat.caPolicies.map((x) => x.displayName).join(', ')}).`);
        wanted.add(p.id);
        out.grants.push(`${field === 'excludeFrom' ? 'excluded from' : 'included in'} Conditional Access '${p.displayName}'${p.state === 'enabled' ? '' : ` (${p.state})`}`);
        if (actual.conditionalAccess[field].includes(p.id)) return;
        op(`ca/${list}/${p.id}`, 'add', { binding: 'conditionalAccess', policyId: p.id, policyName: p.displayName, list }, `${verb} Conditional Access '${p.displayName}' (id ${p.id})`, null, `${list} += group`, ['conditionalAccess', field, i], field === 'excludeFrom' ? ['weakens-policy'] : []);
      });
      if (b.conditionalAccess[field] === undefined) continue;
      for (const id of actual.conditionalAccess[field].filter((x) => !wanted.has(x))) {
        const name = caPolicyOf(cat, id)?.displayName ?? id;
        op(`ca/${list}/${id}`, 'remove', { binding: 'conditionalAccess', policyId: id, policyName: name, list }, `${unverb} Conditional Access '${name}' (id ${id})`, `${list} has group`, null, ['conditionalAccess', field]);
      }
    }
  }

  if (b.team) {
    if (def.group.type !== 'microsoft365') err(['team'], `Only a Microsoft 365 group can have a Team; '${def.group.displayName}' is ${def.group.type}.`);
    else if (!readFailed('team', 'team')) {
      out.grants.push('membership of the Team and its SharePoint site');
      if (!actual.team) op('team', 'add', { binding: 'team' }, `create the Team of '${def.group.displayName}' (and its SharePoint site)`, null, 'team', ['team']);
    }
  }
  return out;
}
