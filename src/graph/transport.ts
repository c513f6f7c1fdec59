// The one way to reach Microsoft Graph (or the sandbox). Typed calls in ./api build on request/getAll/batch.
import { randomUUID } from 'node:crypto';
import { HTTPMessageHandler } from '@microsoft/microsoft-graph-client';
// The client's HTTPClient runs a middleware chain without the fluent GraphRequest URL builder, which re-parses
// query strings ($filter with `in (...)`, nested $expand) and only knows https hosts; our URLs go through verbatim.
import { HTTPClient } from '@microsoft/microsoft-graph-client/lib/src/HTTPClient';
import type { StepUpSupport, TokenSource } from '../auth/tokenSource';
import { grantsOfToken, TokenGrants } from '../auth/tokenClaims';
import { graphScope } from './clouds';
import { AmbiguousOutcomeError, GraphRequestError, parseErrorBody } from './errors';
import { GraphLogger, redactingLogger, silentLogger } from './log';
import { AuthMiddleware, ReachabilityListener, RetryLogMiddleware, RetryStats, TransportContext } from './middleware';
import { DEFAULT_RETRY, RetryOptions, parseRetryAfter } from './retryPolicy';
import { BatchRequest, BatchResponse, runBatch, BatchOptions } from './batch';
import { BatchPacer } from './batchPacer';
import { CONDITIONAL_ACCESS, IntervalGate } from './intervalGate';
import { registerSecret } from './redact';

export type GraphVersion = 'v1.0' | 'beta';

export interface GraphTransportOptions {
  /** Host root, e.g. https://graph.microsoft.com or the sandbox's http://127.0.0.1:PORT (no version segment). */
  baseUrl: string;
  credential: TokenSource;
  scopes?: string[];
  logger?: GraphLogger;
  retry?: Partial<RetryOptions>;
  /** Batches in flight at once (each up to 20 requests). */
  batchConcurrency?: number;
  /** Per-attempt timeout; a hung connection counts as dropped. */
  timeoutMs?: number;
  /** Hears whether the host answers (a front end shows "disconnected" when a local server stops). */
  onReachability?: ReachabilityListener;
}

export interface CallOptions {
  signal?: AbortSignal;
  /** Defaults to true for GET; a non-idempotent write is never repeated after an ambiguous failure. */
  idempotent?: boolean;
  headers?: Record<string, string>;
  version?: GraphVersion;
  /** A 429 is not retried here but thrown (GraphRequestError with status 429 and retryAfterMs). */
  passThrottle?: boolean;
}

export interface GraphResponse<T> {
  status: number;
  headers: Record<string, string>;
  body: T;
}

export class GraphTransport {
  readonly baseUrl: string;
  readonly retry: RetryOptions;
  readonly batchConcurrency: number;
  readonly log: GraphLogger;
  readonly stats: RetryStats = { roundTrips: 0, retries: 0, throttled: 0 };
  /**
   * Shared by every batch call of this transport (the service throttles the caller, not one call), one for reads and
   * one for writes: Graph meters writes apart, so writes can be throttled while reads are served, and a paced bulk
   * write must not slow the reads that check it.
   */
  readonly pacers = { read: new BatchPacer(), write: new BatchPacer() };
  private readonly http: HTTPClient;
  private readonly credential: TokenSource;
  private readonly scopes: string[];
  /** Conditional Access: 1 request per second per tenant (see intervalGate.ts); $batch carrying one waits here too. */
  readonly conditionalAccess = new IntervalGate(1000);
  /** The service's clock minus ours, from the last response's Date header (expiry is judged by the tenant's clock). */
  private clockOffsetMs = 0;

  constructor(opts: GraphTransportOptions) {
    this.baseUrl = opts.baseUrl.replace(/\/+$/, '');
    this.retry = { ...DEFAULT_RETRY, ...opts.retry };
    this.batchConcurrency = opts.batchConcurrency ?? 4;
    this.log = redactingLogger(opts.logger ?? silentLogger);
    const origin = new URL(this.baseUrl).origin;
    const scopes = opts.scopes ?? [graphScope(this.baseUrl)];
    this.credential = opts.credential;
    this.scopes = scopes;
    this.http = new HTTPClient(
      new RetryLogMiddleware(this.retry, this.log, this.stats, opts.timeoutMs ?? 60_000, opts.onReachability),
      new AuthMiddleware(opts.credential, scopes, origin),
      new HTTPMessageHandler(),
    );
  }

  /** Whether this transport's credential can answer a claims challenge (see StepUpSupport). */
  stepUpSupport(): StepUpSupport | undefined {
    return this.credential.stepUp;
  }

  /**
   * Asks the credential for a token satisfying `claims` (a claims request, JSON); the calls after it carry that
   * token. The token itself never leaves the credential chain.
   */
  async stepUp(claims: string, signal?: AbortSignal): Promise<void> {
    const token = await this.credential.getToken(this.scopes, { claims, abortSignal: signal });
    if (!token) throw new Error('The sign-in returned no access token for the step-up.');
    registerSecret(token.token);
  }

  /** Absolute URL of a path relative to a version root ('/groups?...'); absolute URLs (nextLink) pass through. */
  url(path: string, version: GraphVersion = 'v1.0'): string {
    return /^https?:\/\//.test(path) ? path : `${this.baseUrl}/${version}${path.startsWith('/') ? '' : '/'}${path}`;
  }

  async request<T = unknown>(
    method: string,
    path: string,
    body?: unknown,
    opts: CallOptions = {},
  ): Promise<GraphResponse<T>> {
    const idempotent = opts.idempotent ?? method === 'GET';
    const clientRequestId = randomUUID();
    const headers: Record<string, string> = {
      Accept: 'application/json',
      'client-request-id': clientRequestId,
      ...opts.headers,
    };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    const url = this.url(path, opts.version);
    const shownPath = url.startsWith(this.baseUrl) ? url.slice(this.baseUrl.length) : url;
    const limited = CONDITIONAL_ACCESS.test(shownPath);
    const context: TransportContext = {
      request: url,
      options: { method, headers, body: body === undefined ? undefined : JSON.stringify(body) },
      call: {
        method,
        path: shownPath,
        idempotent,
        clientRequestId,
        signal: opts.signal,
        attempts: 0,
        ...(limited ? { minRetryDelayMs: 1000 } : {}),
        ...(opts.passThrottle ? { passThrottle: true } : {}),
      },
    };
    if (limited) await this.conditionalAccess.run(() => this.http.sendRequest(context));
    else await this.http.sendRequest(context);
    const response = context.response!;
    const text = await response.text();
    let parsed: unknown = undefined;
    if (text) {
      try {
        parsed = JSON.parse(text);
      } catch {
        parsed = text;
      }
    }
    const outHeaders: Record<string, string> = {};
    response.headers.forEach((v, k) => {
      outHeaders[k] = v;
    });
    const served = Date.parse(outHeaders.date ?? '');
    if (Number.isFinite(served)) this.clockOffsetMs = served - Date.now();
    if (!response.ok) {
      const err = parseErrorBody(parsed);
      const info = {
        method,
        path: shownPath,
        status: response.status,
        code: err.code,
        message: err.message ?? response.statusText ?? 'request failed',
        requestId: outHeaders['request-id'] ?? err.requestId,
        clientRequestId,
        ...(response.status === 429 ? { retryAfterMs: parseRetryAfter(outHeaders['retry-after']) } : {}),
      };
      throw !idempotent && response.status >= 500 ? new AmbiguousOutcomeError(info) : new GraphRequestError(info);
    }
    return { status: response.status, headers: outHeaders, body: parsed as T };
  }

  /**
   * Now by the service's clock (to the second, from its Date header; ours until a response arrived). Schedules
   * start and expire by that clock, so the planner judges expiry with it rather than with this machine's.
   */
  serverNow(): Date {
    return new Date(Date.now() + this.clockOffsetMs);
  }

  async get<T = unknown>(path: string, opts?: CallOptions): Promise<T> {
    return (await this.request<T>('GET', path, undefined, opts)).body;
  }
  async post<T = unknown>(path: string, body: unknown, opts?: CallOptions): Promise<T> {
    return (await this.request<T>('POST', path, body, opts)).body;
  }
  async patch<T = unknown>(path: string, body: unknown, opts?: CallOptions): Promise<T> {
    return (await this.request<T>('PATCH', path, body, { idempotent: true, ...opts })).body;
  }

  /**
   * What the token this transport sends grants (its scp / roles claims), for the readiness check; undefined when the
   * token is opaque. The token comes from the same credential the requests use and never leaves this method.
   */
  async grants(signal?: AbortSignal): Promise<TokenGrants | undefined> {
    const token = await this.credential.getToken(this.scopes, { abortSignal: signal });
    return token ? grantsOfToken(token.token) : undefined;
  }

  /** Every page of a collection, following @odata.nextLink verbatim. */
  async getAll<T = unknown>(path: string, opts?: CallOptions): Promise<T[]> {
    const items: T[] = [];
    let next: string | undefined = path;
    while (next) {
      const page: { value?: T[]; '@odata.nextLink'?: string } = await this.get(next, opts);
      items.push(...(page.value ?? []));
      next = page['@odata.nextLink'];
    }
    return items;
  }

  /** JSON batching: 20 per $batch, a few batches in flight, inner throttling and transient failures retried. */
  batch<T = unknown>(requests: BatchRequest[], opts: BatchOptions = {}): Promise<BatchResponse<T>[]> {
    return runBatch<T>(this, requests, opts);
  }

  /** Converts an absolute nextLink of this host into a path relative to its version root (for use inside $batch). */
  relativePath(link: string): string {
    const m = /^https?:\/\/[^/]+\/(?:v1\.0|beta)(\/.*)$/.exec(link);
    return m ? m[1] : link;
  }
}
