// The sandbox tenant as a library: startSandbox(options) serves a Graph-compatible PIM for Groups tenant on
// 127.0.0.1. See docs/sandbox.md for the surface, the fault spec syntax and the seeded ids.
import type { AddressInfo } from 'node:net';
import { createClock, SandboxClock } from './clock';
import { Engine } from './engine';
import { graphRoutes } from './graphRoutes';
import { runBatch } from './batch';
import { FaultInjector, FaultSpec, Throttle, parseFaultSpec } from './faults';
import { createSandboxServer } from './server';
import { loadState, saveState } from './store';
import { SeedName, seedState } from './seed/seeds';
import { addBulk } from './seed/bulk';
import { armHandler } from './arm';
import { Replication } from './replication';
import { ConditionalAccessLimit } from './caThrottle';
import type { RequestLogEntry } from './requestLog';
import type { SbState } from './types';
import { IdentityEndpoint, startIdentity } from './identity';

export type { FaultSpec } from './faults';
export type { SandboxClock } from './clock';
export type { RequestLogEntry } from './requestLog';
export type { SbState as SandboxState } from './types';
export { parseFaultSpec, parseThrottle } from './faults';
export type { IdentityEndpoint } from './identity';

export interface SandboxOptions {
  /** 0 (default) = a free port. */
  port?: number;
  /**
   * 'demo' (docs/demo-tenant.md), 'empty' (tenant + admin@contoso.com) or 'no-p2' (the demo tenant without a
   * PIM-capable licence). Default 'demo'. Ignored when dataFile exists.
   */
  seed?: SeedName;
  /** Persist the tenant here (atomically after every change); loaded on start when it exists. */
  dataFile?: string;
  /** Added to every response. */
  latencyMs?: number;
  /** Seeded faults (object or spec string, see faults.ts). */
  faults?: FaultSpec | string;
  /**
   * Eventual consistency (off by default): new groups stay out of `$filter` lists and unknown to PIM, and new
   * schedules answer 404 by id, for a seeded time between half and all of this many ms. Also `lag=MS` in the fault spec.
   */
  consistencyLagMs?: number;
  /**
   * Conditional Access at 1 request per second per tenant, 429 without Retry-After (DOC). On by default, as the
   * service; `false` turns it off (a test that reads policies in a tight loop).
   */
  conditionalAccessLimit?: boolean;
  /** Per-caller request budget, like Graph throttling: 429 + Retry-After when exceeded. */
  throttle?: { requests: number; perMs: number };
  /** Writes' own per-caller budget on top of `throttle` (Graph meters writes apart: they can be throttled while reads are served). */
  writeThrottle?: { requests: number; perMs: number };
  /** Start of the sandbox clock; when given the clock is frozen and moves only with clock.advance/set. */
  now?: Date;
  /** Benchmarks: add this many PIM-enabled groups with this many assignments each. */
  scale?: { groups: number; assignmentsPerGroup: number };
  /** Also serve the identity endpoint (HTTPS, signed tokens; docs/sandbox.md "Identity endpoint"). */
  identity?: boolean | { caFile?: string; port?: number };
  /** Refuse the unsigned sandbox tokens: only tokens signed by the identity endpoint are accepted. */
  requireSignedTokens?: boolean;
}

export interface Sandbox {
  url: string;
  clock: SandboxClock;
  requestLog: RequestLogEntry[];
  /** The live in-memory tenant (read it in assertions; see src/sandbox/types.ts for the shape). */
  readonly state: SbState;
  /** Present when started with `identity`: the authority host, its CA, the app registrations and device codes. */
  identity?: IdentityEndpoint;
  close(): Promise<void>;
}

export async function startSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  const clock = createClock(options.now);
  const seedName = options.seed ?? 'demo';
  let state = (options.dataFile && loadState(options.dataFile)) || seedState(seedName, clock.now());
  if (options.scale) addBulk(state, options.scale.groups, options.scale.assignmentsPerGroup, clock.now());
  const persist = options.dataFile ? () => saveState(options.dataFile!, engine.state) : undefined;
  const faults = options.faults
    ? new FaultInjector(typeof options.faults === 'string' ? parseFaultSpec(options.faults) : options.faults)
    : null;
  const throttle = options.throttle ? new Throttle(options.throttle) : null;
  let url = '';
  const engine = new Engine(state, clock, graphRoutes, () => url, faults, throttle, { batch: runBatch, persist });
  if (options.writeThrottle) engine.writeThrottle = new Throttle(options.writeThrottle);
  if (options.conditionalAccessLimit ?? true) engine.caLimit = new ConditionalAccessLimit();
  engine.replication = new Replication(options.consistencyLagMs ?? faults?.spec.lagMs ?? 0, faults?.spec.seed ?? 1);
  persist?.();
  const reseed = (seed?: string) => {
    state = seedState((seed as SeedName | undefined) ?? seedName, clock.now());
    engine.replaceState(state);
    persist?.();
  };
  let identity: IdentityEndpoint | undefined;
  const server = createSandboxServer({
    engine,
    latencyMs: options.latencyMs ?? 0,
    url: () => url,
    reseed,
    arm: armHandler(engine),
    identity: () => identity?.service,
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const identityOptions = options.identity === true ? {} : options.identity || undefined;
  identity = identityOptions
    ? await startIdentity({ state: () => engine.state, graphUrl: () => url, ...identityOptions })
    : undefined;
  const requireSigned = Boolean(options.requireSignedTokens);
  engine.hooks.tokens = {
    graph: { requireSigned, check: identity?.check('graph') },
    arm: { requireSigned, check: identity?.check('arm') },
  };
  return {
    url,
    clock,
    requestLog: engine.log,
    identity,
    get state() {
      return engine.state;
    },
    close: async () => {
      await identity?.close();
      await new Promise<void>((resolve) => {
        persist?.();
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}
