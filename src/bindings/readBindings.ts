// Reads the binding state of the groups in scope in one parallel round: Graph reads in two $batch round trips (beta
// and v1.0) alongside ARM's reads, each kind contributing its own (kinds/*.ts). Only the kinds some definition names
// are read (each needs its own permission); a failed read is recorded, and the planner turns it into a plan error
// for the groups that need it. registry.ts registers this reader with the tenant reader.
import type { GraphTransport } from '../graph/transport';
import type { BindingKind, BindingsState, GroupBindingState } from '../tenant/bindingsState';
import type { AnyBindingKindSpec, BatchRead, BindingReadTarget } from './kind';

export type { BindingReadTarget };
export interface BindingReadScope {
  kinds: Set<BindingKind>;
  groups: BindingReadTarget[];
  azureScopes: string[];
}

const message = (e: unknown) => (e instanceof Error ? e.message : String(e));
/** What a refusal lacks (GraphRequestError.missing), undefined for any other failure. */
const missingOf = (e: unknown) => (e as { missing?: string } | undefined)?.missing;

export async function readBindingsState(
  all: readonly AnyBindingKindSpec[],
  t: GraphTransport,
  scope: BindingReadScope,
  signal?: AbortSignal,
): Promise<BindingsState> {
  const catalog: BindingsState['catalog'] = {
    intuneRoles: [],
    scopeTags: [],
    skus: [],
    caPolicies: [],
    azureRoles: {},
    azureScopeErrors: {},
    errors: {},
  };
  const groups: Record<string, GroupBindingState> = {};
  const existing = scope.groups.filter((g) => g.id);
  for (const g of existing)
    groups[g.key] = {
      intuneRoles: [],
      licenses: [],
      conditionalAccess: { excludeFrom: [], includeIn: [] },
      team: false,
    };
  const kinds = all
    .filter((k) => scope.kinds.has(k.kind))
    .map((spec) => ({
      spec,
      reads: spec.read({ t, existing, azureScopes: scope.azureScopes, catalog, groups, signal }),
    }));
  const batched = kinds.flatMap(({ spec, reads }) => reads.batch.map((r) => ({ kind: spec.kind, ...r })));

  /** The first failure of a kind is its reason (`replace`: a whole read's failure is). */
  const fail = (kind: BindingKind, e: unknown, replace = false) => {
    if (catalog.errors[kind] !== undefined && !replace) return;
    catalog.errors[kind] = message(e);
    const missing = missingOf(e);
    if (missing) (catalog.refused ??= {})[kind] = missing;
    else delete catalog.refused?.[kind];
  };
  const run = async (version: BatchRead['version']) => {
    const reads = batched.filter((r) => r.version === version);
    if (!reads.length) return;
    const res = await t.batch<{ value?: unknown[]; '@odata.nextLink'?: string }>(
      reads.map((r) => ({ method: 'GET' as const, url: r.url })),
      { signal, version },
    );
    await Promise.all(
      reads.map(async (r, i) => {
        const x = res[i];
        if (x.error) {
          if (!(r.absentOn404 && x.status === 404)) fail(r.kind, x.error);
          return;
        }
        try {
          // Collections may page (rarely, at these sizes): the rest is read outside the batch.
          const rest = x.body['@odata.nextLink'] ? await t.getAll(x.body['@odata.nextLink'], { signal, version }) : [];
          r.use(x.body.value ? [...x.body.value, ...rest] : x.body);
        } catch (e) {
          fail(r.kind, e);
        }
      }),
    );
  };
  const other = async (kind: BindingKind, work: () => Promise<void>) => {
    try {
      await work();
    } catch (e) {
      fail(kind, e, true);
    }
  };
  await Promise.all([
    Promise.all([run('v1.0'), run('beta')]).then(() => {
      for (const k of kinds) k.reads.then?.();
    }),
    ...kinds.flatMap(({ spec, reads }) => (reads.other ? [other(spec.kind, reads.other)] : [])),
  ]);
  return { catalog, groups };
}
