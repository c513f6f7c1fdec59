// Tenant facts the plan checks before anything is written, beyond the groups themselves: authentication contexts
// and the Conditional Access policies that use them, whether approver groups have members, who owns each group,
// and how many Entra ID P2 / Governance licences the tenant has. Each read stands alone: one that fails (a missing
// permission) leaves its fact unknown and says so, and never stops the plan.
import { principalKey } from '../definitions/principalReference';
import type { GraphTransport } from '../graph/transport';
import { batchGetAll } from '../graph/batch';
import { paths } from '../graph/api/paths';
import type { ActualState } from './actualState';
import { pimLicenceUnits, SubscribedSku } from './pimLicences';

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

interface CaPolicy {
  state?: string;
  conditions?: { applications?: { includeAuthenticationContextClassReferences?: string[] } };
}
/** One $batch for every fact (a single round trip, alongside the group details). */
export async function readTenantFacts(
  t: GraphTransport,
  scope: TenantChecksScope | undefined,
  state: ActualState,
  signal?: AbortSignal,
): Promise<TenantFacts | undefined> {
  if (!scope) return undefined;
  const facts: TenantFacts = { unreadable: [] };
  const approverIds = scope.approverGroups.flatMap((ref) => {
    const p = state.principals[principalKey(ref)];
    return p?.state === 'found' && p.principal.kind === 'group' ? [p.principal.id] : [];
  });
  const ownerGroupIds = scope.ownerGroups.flatMap((key) => {
    const g = state.groups[key];
    return g?.state === 'found' ? [g.group.id] : [];
  });
  const reads: { path: string; use(value: unknown[]): void; what: string }[] = [];
  if (scope.authenticationContexts.length) {
    let contexts: { id: string; isAvailable?: boolean }[] | undefined;
    let policies: CaPolicy[] | undefined;
    const done = () => {
      if (!contexts || !policies) return;
      const used = new Set(
        policies
          .filter((p) => p.state === 'enabled')
          .flatMap((p) => p.conditions?.applications?.includeAuthenticationContextClassReferences ?? []),
      );
      facts.authenticationContexts = Object.fromEntries(
        contexts.map((c) => [c.id, { available: c.isAvailable !== false, usedByEnabledPolicy: used.has(c.id) }]),
      );
    };
    reads.push({
      path: paths.authenticationContexts,
      what: 'authentication contexts (Policy.Read.All)',
      use: (v) => {
        contexts = v as typeof contexts;
        done();
      },
    });
    reads.push({
      path: paths.caPolicies,
      what: 'Conditional Access policies (Policy.Read.All)',
      use: (v) => {
        policies = v as CaPolicy[];
        done();
      },
    });
  }
  for (const id of approverIds) {
    reads.push({
      path: paths.groupFirstMember(id),
      what: 'approver group members (GroupMember.Read.All)',
      use: (v) => {
        if (!v.length) (facts.emptyGroups ??= []).push(id);
        else facts.emptyGroups ??= [];
      },
    });
  }
  for (const id of ownerGroupIds) {
    reads.push({
      path: paths.groupOwnerIds(id),
      what: 'group owners (GroupMember.Read.All)',
      use: (v) => {
        (facts.owners ??= {})[id] = (v as { id: string }[]).map((o) => o.id);
      },
    });
  }
  if (scope.licences) {
    reads.push({
      path: paths.subscribedSkus,
      what: 'licences (subscribedSkus, Organization.Read.All)',
      use: (v) => {
        const { units, skus } = pimLicenceUnits(v as SubscribedSku[]);
        facts.governanceLicences = { units, skus };
      },
    });
  }
  if (!reads.length) return facts;
  // One batch; approver groups' members are read only to know whether any exists, so their first page is enough.
  const answers = await t.batch<{ value?: unknown[]; '@odata.nextLink'?: string }>(
    reads.map((r) => ({ method: 'GET', url: r.path })),
    { signal },
  );
  const more = answers.flatMap((a, i) =>
    !a.error && a.body?.['@odata.nextLink'] && !/\$top=1$/.test(reads[i].path)
      ? [{ i, path: t.relativePath(a.body['@odata.nextLink']) }]
      : [],
  );
  const rest = more.length
    ? await batchGetAll<unknown>(
        t,
        more.map((m) => m.path),
        { signal },
      )
    : [];
  const failed = (i: number, message: string) => {
    const what = reads[i].what;
    if (!facts.unreadable.some((u) => u.startsWith(what))) facts.unreadable.push(`${what}: ${message}`);
  };
  answers.forEach((a, i) => {
    if (a.error) {
      failed(i, a.error.message);
      return;
    }
    const tail = rest[more.findIndex((m) => m.i === i)];
    if (tail?.error) {
      failed(i, tail.error.message);
      return;
    }
    reads[i].use([...(a.body?.value ?? []), ...(tail?.value ?? [])]);
  });
  return facts;
}
