// What a handler sees: one Graph request (outer or inside $batch), already authenticated, and what it answers.
import type { SandboxClock } from './clock';
import type { SbState, SbUser } from './types';
import type { ODataQuery } from './odata';
import type { Replication } from './replication';

export interface SbCtx {
  state: SbState;
  clock: SandboxClock;
  /** 'v1.0' | 'beta' */
  version: string;
  method: string;
  /** Path below the version root, without the query, decoded, e.g. /groups/abc. */
  path: string;
  query: ODataQuery;
  /** Request headers, names lower-cased. */
  headers: Record<string, string>;
  body: unknown;
  caller: SbUser;
  /** appOnly: an app-only token (client credentials); the caller is the app's service principal. */
  claims: {
    amr: string[];
    acrs: string[];
    appId: string;
    appOnly?: boolean;
    /** The token's delegated scopes or application permissions; undefined when it carries neither (sandbox only). */
    permissions?: string[];
  };
  /** Base URL of this sandbox ('http://127.0.0.1:PORT'); used in @odata.context and nextLink. */
  baseUrl: string;
  /** Marks the state as changed so it is persisted after this request. */
  dirty(): void;
  /** Eventual consistency: which new objects the lagging views do not show yet. */
  replication: Replication;
}

export interface SbResult {
  status: number;
  headers?: Record<string, string>;
  /** JSON body, or a string for text/plain (e.g. /groups/$count), or undefined for none. */
  body?: unknown;
}

export const ok = (body: unknown, status = 200, headers?: Record<string, string>): SbResult => ({
  status,
  body,
  headers,
});
export const noContent = (): SbResult => ({ status: 204 });
