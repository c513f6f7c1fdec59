// Tenant facts the plan checks before anything is written, beyond the groups themselves: authentication contexts
// and the Conditional Access policies that use them, whether approver groups have members, who owns each group,
// and how many Entra ID P2 / Governance licences the tenant has. Each read stands alone: one that fails (a missing
// permission) leaves its fact unknown and says so, and never stops the plan.
import { principalKey } from '../definitions/principalReference';
import type { GraphTransport } from '../graph/transport';
import type { ActualState } from './actualState';

export interface TenantChecksScope {
  /** Authentication context ids the definitions require (c1…c99). */
  authenticationContexts: string[];
  /** Approver references of kind group: (resolved through the state's principals). */
  approverGroups: string[];
  /** Definition keys whose owner role has eligible assignments (the last-owner check needs the group's owners). */
  ownerGroups: string[];
  /** Whether anyone is eligible or approves (the licence check). */
  licences: boolean;
}

export interface TenantFacts {
  /** Each context the tenant has: available for use, and used by an enabled Conditional Access policy. */
  authenticationContexts?: Record<string, { available: boolean; usedByEnabledPolicy: boolean }>;
  /** Ids of approver groups without members. */
  emptyGroups?: string[];
  /** Owners (object ids) of each group named in `ownerGroups`, by group id. */
  owners?: Record<string, string[]>;
  /** Enabled units of subscriptions with an Entra ID P2 or Entra ID Governance service plan. */
  governanceLicences?: { units: number; skus: string[] };
  /** Facts that could not be read, with why. */
  unreadable: string[];
}

interface Page<T> { value: T[] }
interface CaPolicy { state?: string; conditions?: { applications?: { includeAuthenticationContextClassReferences?: string[] } } }
interface Sku { skuPartNumber?: string; capabilityStatus?: string; prepaidUnits?: { enabled?: number }; servicePlans?: { servicePlanName?: string }[] }

// AAD_PREMIUM_P2 is the P2 service plan (seen in subscribedSkus); the Governance plan names are matched loosely
// (UNCONFIRMED: the exact servicePlanName of Microsoft Entra ID Governance).
const GOVERNANCE_PLAN = /^AAD_PREMIUM_P2$|GOVERNANCE/i;

export async function readTenantFacts(t: GraphTransport, scope: TenantChecksScope | undefined, state: ActualState, signal?: AbortSignal): Promise<TenantFacts | undefined> {
  if (!scope) return undefined;
  const facts: TenantFacts = { unreadable: [] };
  const attempt = async (what: string, read: () => Promise<void>) => {
    try { await read(); } catch (e) { facts.unreadable.push(`${what}: ${(e as Error).message}`); }
  };
  const get = <T>(path: string) => t.get<Page<T>>(path, { signal }).then((p) => p.value ?? []);
  const reads: Promise<void>[] = [];
  if (scope.authenticationContexts.length) {
    reads.push(attempt('authentication contexts (Policy.Read.All)', async () => {
      const [contexts, policies] = await Promise.all([
        get<{ id: string; isAvailable?: boolean }>('/identity/conditionalAccess/authenticationContextClassReferences'),
        get<CaPolicy>('/identity/conditionalAccess/policies'),
      ]);
      const used = new Set(policies.filter((p) => p.state === 'enabled').flatMap((p) => p.conditions?.applications?.includeAuthenticationContextClassReferences ?? []));
      facts.authenticationContexts = Object.fromEntries(contexts.map((c) => [c.id, { available: c.isAvailable !== false, usedByEnabledPolicy: used.has(c.id) }]));
    }));
  }
  const approverIds = scope.approverGroups.flatMap((ref) => {
    const p = state.principals[principalKey(ref)];
    return p?.state === 'found' && p.principal.kind === 'group' ? [p.principal.id] : [];
  });
  if (approverIds.length) {
    reads.push(attempt('approver group members', async () => {
      const sizes = await Promise.all(approverIds.map(async (id) => [id, (await get<{ id: string }>(`/groups/${id}/members?$select=id&$top=1`)).length] as const));
      facts.emptyGroups = sizes.filter(([, n]) => n === 0).map(([id]) => id);
    }));
  }
  const ownerGroupIds = scope.ownerGroups.flatMap((key) => { const g = state.groups[key]; return g?.state === 'found' ? [g.group.id] : []; });
  if (ownerGroupIds.length) {
    reads.push(attempt('group owners', async () => {
      facts.owners = Object.fromEntries(await Promise.all(ownerGroupIds.map(async (id) => [id, (await get<{ id: string }>(`/groups/${id}/owners?$select=id`)).map((o) => o.id)] as const)));
    }));
  }
  if (scope.licences) {
    reads.push(attempt('licences (subscribedSkus, Organization.Read.All)', async () => {
      const skus = (await get<Sku>('/subscribedSkus')).filter((s) => s.capabilityStatus !== 'Suspended' && (s.servicePlans ?? []).some((p) => GOVERNANCE_PLAN.test(p.servicePlanName ?? '')));
      facts.governanceLicences = { units: skus.reduce((n, s) => n + (s.prepaidUnits?.enabled ?? 0), 0), skus: skus.map((s) => s.skuPartNumber ?? '?') };
    }));
  }
  await Promise.all(reads);
  return facts;
}
