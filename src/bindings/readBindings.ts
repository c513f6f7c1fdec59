// Reads the binding state of the groups in scope in one parallel round: a $batch for Graph (two: beta and v1.0)
// and ARM reads (per subscription, per named scope, per group and subscription): Intune role definitions with their assignments and scope tags, subscribed SKUs, Conditional Access
// policies, each group's assignedLicenses and team, and the group's ARM role assignments per subscription.
// Only the kinds some definition names are read (each needs its own permission); a failed read is recorded, and
// the planner turns it into a plan error for the groups that need it.
import type { GraphTransport } from '../graph/transport';
import { armAccessOf, armUrl, AUTHZ, roleGuidOf, scopeKey, subscriptionOf } from './armAccess';
import type { BindingKind, BindingsState, GroupBindingState, CatalogSku } from './model';

export interface BindingReadTarget { key: string; id?: string; type?: 'security' | 'microsoft365' }
export interface BindingReadScope { kinds: Set<BindingKind>; groups: BindingReadTarget[]; azureScopes: string[] }

interface GIntuneDef { id: string; displayName: string; roleAssignments?: { id: string; displayName: string; members?: string[]; roleScopeTagIds?: string[] }[] }
interface GSku { skuId: string; skuPartNumber: string; prepaidUnits?: { enabled?: number }; consumedUnits?: number; servicePlans?: { servicePlanId: string; servicePlanName: string }[] }
interface GCaPolicy { id: string; displayName: string; state: string; conditions?: { users?: { includeGroups?: string[]; excludeGroups?: string[] } } }
interface ArmAssignment { id: string; name: string; properties: { scope: string; roleDefinitionId: string; principalId: string } }

const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

export async function readBindingsState(t: GraphTransport, scope: BindingReadScope, signal?: AbortSignal): Promise<BindingsState> {
  const catalog: BindingsState['catalog'] = { intuneRoles: [], scopeTags: [], skus: [], caPolicies: [], azureRoles: {}, azureScopeErrors: {}, errors: {} };
  const groups: Record<string, GroupBindingState> = {};
  const existing = scope.groups.filter((g) => g.id);
  for (const g of existing) groups[g.key] = { intuneRoles: [], licenses: [], conditionalAccess: { excludeFrom: [], includeIn: [] }, team: false };
  const has = (k: BindingKind) => scope.kinds.has(k);
  const guard = async (kind: BindingKind, work: () => Promise<void>) => { try { await work(); } catch (e) { catalog.errors[kind] = message(e); } };

  // Graph reads in two $batch round trips (beta for Intune, v1.0 for the rest), in parallel with ARM's reads.
  const v1: { kind: BindingKind; url: string; use(body: unknown): void }[] = [];
  const beta: typeof v1 = [];
  let defs: GIntuneDef[] = [];
  if (has('intuneRole')) {
    beta.push({ kind: 'intuneRole', url: '/deviceManagement/roleDefinitions?$expand=roleAssignments', use: (b) => { defs = b as GIntuneDef[]; } });
    beta.push({ kind: 'intuneRole', url: '/deviceManagement/roleScopeTags', use: (b) => { catalog.scopeTags = (b as { id: string; displayName: string }[]).map((x) => ({ id: String(x.id), displayName: x.displayName })); } });
  }
  if (has('license')) {
    v1.push({ kind: 'license', url: '/subscribedSkus', use: (b) => {
      catalog.skus = (b as GSku[]).map((s): CatalogSku => ({ skuId: s.skuId.toLowerCase(), skuPartNumber: s.skuPartNumber, freeUnits: (s.prepaidUnits?.enabled ?? 0) - (s.consumedUnits ?? 0),
        plans: (s.servicePlans ?? []).map((p) => ({ id: p.servicePlanId.toLowerCase(), name: p.servicePlanName })) }));
    } });
    for (const g of existing) v1.push({ kind: 'license', url: `/groups/${g.id}?$select=assignedLicenses`, use: (b) => {
      groups[g.key].licenses = ((b as { assignedLicenses?: { skuId: string; disabledPlans?: string[] }[] }).assignedLicenses ?? []).map((l) => ({ skuId: l.skuId.toLowerCase(), disabledPlans: (l.disabledPlans ?? []).map((p) => p.toLowerCase()) }));
    } });
  }
  if (has('conditionalAccess')) v1.push({ kind: 'conditionalAccess', url: '/identity/conditionalAccess/policies', use: (b) => {
    const policies = b as GCaPolicy[];
    catalog.caPolicies = policies.map((p) => ({ id: p.id, displayName: p.displayName, state: p.state }));
    for (const g of existing) {
      const id = g.id!.toLowerCase();
      const lists = (p: GCaPolicy, k: 'includeGroups' | 'excludeGroups') => (p.conditions?.users?.[k] ?? []).some((x) => x.toLowerCase() === id);
      groups[g.key].conditionalAccess = { excludeFrom: policies.filter((p) => lists(p, 'excludeGroups')).map((p) => p.id), includeIn: policies.filter((p) => lists(p, 'includeGroups')).map((p) => p.id) };
    }
  } });
  const teams = has('team') ? existing.filter((g) => g.type === 'microsoft365') : [];
  for (const g of teams) v1.push({ kind: 'team', url: `/groups/${g.id}/team?$select=id`, use: () => { groups[g.key].team = true; } });

  const run = async (reads: typeof v1, version: 'v1.0' | 'beta') => {
    if (!reads.length) return;
    const res = await t.batch<{ value?: unknown[]; '@odata.nextLink'?: string }>(reads.map((r) => ({ method: 'GET' as const, url: r.url })), { signal, version });
    await Promise.all(reads.map(async (r, i) => {
      const x = res[i];
      if (x.error) { if (!(r.kind === 'team' && x.status === 404)) catalog.errors[r.kind] ??= message(x.error); return; }
      try {
        // Collections may page (rarely, at these sizes): the rest is read outside the batch.
        const rest = x.body['@odata.nextLink'] ? await t.getAll(x.body['@odata.nextLink'], { signal, version }) : [];
        r.use(x.body.value ? [...x.body.value, ...rest] : x.body);
      } catch (e) { catalog.errors[r.kind] ??= message(e); }
    }));
  };
  await Promise.all([
    run(v1, 'v1.0'),
    run(beta, 'beta').then(() => {
      catalog.intuneRoles = defs.map((d) => ({ id: d.id, displayName: d.displayName }));
      for (const d of defs) for (const a of d.roleAssignments ?? []) for (const g of existing) {
        if ((a.members ?? []).some((m) => m.toLowerCase() === g.id!.toLowerCase())) {
          groups[g.key].intuneRoles.push({ id: a.id, displayName: a.displayName, roleDefinitionId: d.id, members: a.members ?? [], roleScopeTagIds: (a.roleScopeTagIds ?? ['0']).map(String) });
        }
      }
    }),
    has('azureRole') && guard('azureRole', () => readAzure(t, scope, catalog, groups, signal)),
  ]);
  return { catalog, groups };
}

async function readAzure(t: GraphTransport, scope: BindingReadScope, catalog: BindingsState['catalog'], groups: Record<string, GroupBindingState>, signal?: AbortSignal): Promise<void> {
  const arm = armAccessOf(t);
  if (!arm) throw new Error('no Azure Resource Manager connection for this tenant (the connection registers one for https://management.azure.com)');
  const subscriptions = [...new Set(scope.azureScopes.map(subscriptionOf).filter((s): s is string => !!s))];
  const get = <T>(url: string) => arm.t.get<T>(url, { signal });
  await Promise.all([
    ...subscriptions.map(async (sub) => {
      try {
        const defs = await get<{ value: { id: string; properties: { roleName: string } }[] }>(armUrl(arm, `/subscriptions/${sub}${AUTHZ}/roleDefinitions`));
        catalog.azureRoles[sub] = defs.value.map((d) => ({ id: d.id, roleName: d.properties.roleName }));
      } catch (e) { catalog.azureScopeErrors[`/subscriptions/${sub}`] = message(e); }
    }),
    // Each named scope must exist (404 ResourceGroupNotFound / ResourceNotFound otherwise).
    ...[...new Set(scope.azureScopes.map(scopeKey))].map(async (s) => {
      try { await get(armUrl(arm, `${s}${AUTHZ}/roleAssignments`, `$filter=${encodeURIComponent('atScope()')}`)); } catch (e) { catalog.azureScopeErrors[s] = message(e); }
    }),
    ...scope.groups.filter((g) => g.id).flatMap((g) => subscriptions.map(async (sub) => {
      const list = await get<{ value: ArmAssignment[] }>(armUrl(arm, `/subscriptions/${sub}${AUTHZ}/roleAssignments`, `$filter=${encodeURIComponent(`principalId eq '${g.id}'`)}`));
      const mine = list.value.filter((a) => a.properties.principalId.toLowerCase() === g.id!.toLowerCase());
      groups[g.key].azureRoles = [...(groups[g.key].azureRoles ?? []), ...mine.map((a) => ({ id: a.id, name: a.name, scope: a.properties.scope, roleDefinitionId: roleGuidOf(a.properties.roleDefinitionId) }))];
    })),
  ]);
  for (const g of Object.values(groups)) g.azureRoles ??= [];
}
