// Azure Resource Manager is another host with its own token audience (https://management.azure.com/.default).
// A real connection registers a second GraphTransport for it (same credential, ARM scope); the sandbox serves ARM
// at `${url}/arm` on its own origin with the same token, so its Graph transport is reused with absolute URLs.
import type { GraphLogger } from '../graph/log';
import { GraphTransport, type GraphTransportOptions } from '../graph/transport';

type TokenSource = GraphTransportOptions['credential'];

/** Role assignments API version (the one the ARM docs' examples use; the sandbox accepts any dated version). */
export const ARM_API_VERSION = '2022-04-01';
export const ARM_GLOBAL = 'https://management.azure.com';
export const armScope = (base = ARM_GLOBAL) => `${base.replace(/\/+$/, '')}/.default`;

const registered = new WeakMap<GraphTransport, GraphTransport>();

/** Called by the connection for a real tenant: the ARM transport that goes with this Graph transport. */
export function registerArmTransport(graph: GraphTransport, arm: GraphTransport): void {
  registered.set(graph, arm);
}

/** What a connection knows: Graph's base URL and credential, and ARM's when the connection reaches ARM. */
export interface ConnectionTransportOptions {
  graphBaseUrl: string;
  credential: TokenSource;
  /** Graph's token scopes (omitted for the sandbox's minted tokens, which ignore them). */
  graphScopes?: string[];
  /** ARM's base URL and, when it signs in separately (VS Code sessions are per audience), its own credential. */
  arm?: { baseUrl: string; credential?: TokenSource };
  logger?: GraphLogger;
  /** Hears whether Graph's host answers (see GraphTransportOptions.onReachability). */
  onReachability?: GraphTransportOptions['onReachability'];
}

/**
 * The one set-up of a connection's transports, used by the CLI and the extension alike: Graph, and ARM registered
 * beside it with its own token audience, so Azure role bindings find it through armAccessOf().
 */
export function connectionTransport(o: ConnectionTransportOptions): GraphTransport {
  const graph = new GraphTransport({
    baseUrl: o.graphBaseUrl,
    credential: o.credential,
    scopes: o.graphScopes,
    logger: o.logger,
    onReachability: o.onReachability,
  });
  if (o.arm) {
    const armBase = o.arm.baseUrl.replace(/\/+$/, '');
    registerArmTransport(
      graph,
      new GraphTransport({
        baseUrl: armBase,
        credential: o.arm.credential ?? o.credential,
        scopes: [armScope(armBase)],
        logger: o.logger,
      }),
    );
  }
  return graph;
}

export interface ArmAccess {
  t: GraphTransport;
  base: string;
}

export function armAccessOf(graph: GraphTransport): ArmAccess | undefined {
  const arm = registered.get(graph);
  if (arm) return { t: arm, base: arm.baseUrl };
  const host = new URL(graph.baseUrl).hostname;
  if (host === '127.0.0.1' || host === 'localhost' || host === '::1') return { t: graph, base: `${graph.baseUrl}/arm` };
  return undefined;
}

/** Absolute ARM URL for a path such as `/subscriptions/…/providers/Microsoft.Authorization/roleAssignments`. */
export function armUrl(a: ArmAccess, path: string, query = ''): string {
  return `${a.base}${path}?api-version=${ARM_API_VERSION}${query ? `&${query}` : ''}`;
}

export const AUTHZ = '/providers/Microsoft.Authorization';
export const subscriptionOf = (scope: string) => /^\/subscriptions\/([^/]+)/i.exec(scope)?.[1]?.toLowerCase();
/** ARM ids are case-insensitive; the comparison key of a scope. */
export const scopeKey = (scope: string) => scope.replace(/\/+$/, '').toLowerCase();
/** The role definition GUID at the end of an ARM role definition id. */
export const roleGuidOf = (id: string) => id.slice(id.lastIndexOf('/') + 1).toLowerCase();
