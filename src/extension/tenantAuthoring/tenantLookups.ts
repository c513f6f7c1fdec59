// The tenant lookups behind completion, checks and hovers, bound to the current connection: each cache lives as
// long as the connection (every new connection starts empty) and its entries for 60 s. Nothing is looked up in
// an untrusted workspace or without a connection: `available()` is false and the features fall back to the schema.
// Every request goes through the connection's Graph transport (throttling, retries, redaction, errors shared).
import * as vscode from 'vscode';
import type { Connections } from '../common/connection';
import { loadEngine } from '../engine/engineLoader';
import type { Log } from '../infrastructure/log';
import type { PrincipalKind } from '../../definitions/principalReference';
import { principalKey } from '../../definitions/principalReference';
import type { PrincipalHit } from '../../tenant/directorySearch';
import type { BindingCatalog, BindingKind } from '../../tenant/bindingsState';
import type { AzureScopeOption } from '../../bindings/azureScopes';
import { DebouncedLookups, LOOKUP_DELAY_MS, LOOKUP_TTL_MS } from './debouncedLookups';
import { PrefixCache } from './prefixCache';
import { TtlMap } from './ttlMap';
import type { CheckFacts, KnownPrincipal, ManagedGroupFacts } from '../../plan/editTimeChecks';
import { hitMatches } from './principalItems';
import { catalogueRefusal } from './catalogueRefusal';

type CatalogPart = 'intuneRoles' | 'scopeTags' | 'skus' | 'caPolicies' | 'azure';
const PARTS: Record<BindingKind, CatalogPart[]> = {
  // Microsoft Entra roles: no tenant completion yet (the plan resolves them).
  directoryRole: [],
  intuneRole: ['intuneRoles', 'scopeTags'],
  license: ['skus'],
  conditionalAccess: ['caPolicies'],
  azureRole: ['azure'],
  team: [],
};

interface Session {
  key: string;
  principals: DebouncedLookups<PrincipalHit>;
  catalogs: TtlMap<string, Promise<{ catalog: BindingCatalog; read: Set<CatalogPart> }>>;
  azureScopes: TtlMap<'all', Promise<AzureScopeOption[] | undefined>>;
  known: TtlMap<string, KnownPrincipal>;
  groups: TtlMap<string, ManagedGroupFacts[]>;
  /** Catalogues whose refusal was already said (once per connection). */
  refusalsSaid: Set<BindingKind>;
}

export class TenantLookups {
  private session: Session | undefined;

  constructor(
    private readonly connections: Connections,
    private readonly log: Log,
    private readonly trusted: () => boolean = () => vscode.workspace.isTrusted,
    /** Says once per connection that a catalogue was refused for want of a permission (catalogueRefusal.ts). */
    private readonly sayRefused: (sentence: string) => void = () => undefined,
  ) {}

  /**
   * Starts empty: called on every new connection, also one to the same account (a sign-in with other consent, or
   * the sandbox's caller with other scopes, may read what the last token could not).
   */
  reset(): void {
    this.session = undefined;
  }

  /** True when a lookup may run: a trusted workspace with a connection. */
  available(): boolean {
    return this.trusted() && this.connections.current() !== undefined;
  }

  private current(): Session | undefined {
    const c = this.connections.current();
    if (!c || !this.trusted()) return undefined;
    const key = [c.kind, c.graphBaseUrl, c.tenant ?? '', c.account].join('\n');
    if (this.session?.key !== key) this.session = this.newSession(key);
    return this.session;
  }

  private newSession(key: string): Session {
    const search = async (kind: string, prefix: string, signal: AbortSignal) => {
      const t = await this.connections.transport();
      return loadEngine().graph.searchPrincipals(t, kind as PrincipalKind, prefix, signal);
    };
    return {
      key,
      principals: new DebouncedLookups(new PrefixCache(LOOKUP_TTL_MS, hitMatches), search, LOOKUP_DELAY_MS),
      catalogs: new TtlMap(LOOKUP_TTL_MS),
      azureScopes: new TtlMap(LOOKUP_TTL_MS),
      known: new TtlMap(LOOKUP_TTL_MS),
      groups: new TtlMap(LOOKUP_TTL_MS),
      refusalsSaid: new Set(),
    };
  }

  /** Principals whose UPN / name / app id starts with `prefix`; undefined when unavailable or cancelled. */
  async principals(kind: PrincipalKind, prefix: string, signal: AbortSignal) {
    return this.current()?.principals.lookup(kind, prefix, signal);
  }

  /** The catalogue parts of these binding kinds (one round of reads, shared by completion and checks). */
  async catalog(kinds: BindingKind[], azureScopes: string[] = []) {
    const s = this.current();
    if (!s) return undefined;
    const key = `${[...kinds].sort().join(',')}\n${[...azureScopes]
      .map((x) => x.toLowerCase())
      .sort()
      .join(',')}`;
    let p = s.catalogs.get(key);
    if (!p) {
      p = (async () => {
        const t = await this.connections.transport();
        const catalog = await loadEngine().bindings.readBindingCatalog(t, kinds, azureScopes);
        const read = new Set(kinds.filter((k) => !catalog.errors[k]).flatMap((k) => PARTS[k]));
        for (const [k, why] of Object.entries(catalog.errors))
          this.log.warn(`Could not read ${k} for completion: ${why}`);
        for (const [k, missing] of Object.entries(catalog.refused ?? {}) as [BindingKind, string][]) {
          if (s.refusalsSaid.has(k)) continue;
          s.refusalsSaid.add(k);
          this.sayRefused(catalogueRefusal(k, missing, loadEngine().readiness.PERMISSION_NEEDS));
        }
        return { catalog, read };
      })();
      p.catch(() => s.catalogs.clear()); // a failed read is asked again next time, not remembered for a minute
      s.catalogs.set(key, p);
    }
    return p;
  }

  async azureScopes(): Promise<AzureScopeOption[] | undefined> {
    const s = this.current();
    if (!s) return undefined;
    let p = s.azureScopes.get('all');
    if (!p) {
      p = this.connections.transport().then((t) => loadEngine().bindings.listAzureScopes(t));
      p.catch(() => s.azureScopes.clear());
      s.azureScopes.set('all', p);
    }
    return p;
  }

  /** Looks up the references and group names not known yet (one resolveDirectory round, as the plan resolves). */
  async resolve(refs: string[], groupNames: string[], signal?: AbortSignal): Promise<void> {
    const s = this.current();
    if (!s) return;
    const principalRefs = [...new Set(refs)].filter((r) => s.known.get(principalKey(r)) === undefined);
    const names = [...new Set(groupNames.map((n) => n.toLowerCase()))].filter((n) => s.groups.get(n) === undefined);
    if (!principalRefs.length && !names.length) return;
    const t = await this.connections.transport();
    const engine = loadEngine().graph;
    const found = await engine.resolveDirectory(t, { groupIds: [], groupNames: names, principalRefs, ids: [] }, signal);
    for (const ref of principalRefs) {
      const p = found.principals[principalKey(ref)];
      s.known.set(
        principalKey(ref),
        p?.state === 'found'
          ? { state: 'found', ...p.principal }
          : p?.state === 'ambiguous'
            ? { state: 'ambiguous', ids: p.ids }
            : { state: 'unknown' },
      );
    }
    for (const n of names) {
      const list = (found.groupsByName.get(n) ?? []).map((g) => engine.groupOf(g, false));
      s.groups.set(
        n,
        list.map((g) => ({ id: g.id, dynamic: g.dynamic, synced: g.synced })),
      );
    }
  }

  /** What is known now, without asking the tenant (with the catalogue a caller read). */
  facts(catalog?: { catalog: BindingCatalog; read: Set<CatalogPart> }): CheckFacts {
    const s = this.current();
    return {
      principals: new Map(s ? s.known.values() : []),
      groupsByName: new Map(s ? s.groups.values() : []),
      catalog: catalog?.catalog,
      catalogRead: catalog?.read ?? new Set(),
    };
  }

  /** One principal as last looked up, if it was. */
  known(ref: string): KnownPrincipal | undefined {
    return this.current()?.known.get(principalKey(ref));
  }

  /** Requests sent for completion in this connection (the log and the benchmark read it). */
  get completionRequests(): number {
    return this.session?.principals.sent ?? 0;
  }
}
