// One Graph call, outer or inside $batch: authentication, throttling and faults, routing, and the error envelope
// with request-id / client-request-id, then the log entry and persistence of any change.
import type { SandboxClock } from './clock';
import { GraphError, errorBody } from './graphError';
import { RequestIdStream } from './ids';
import { authenticate, TokenPolicy } from './auth';
import { checkPermission } from './permissions';
import { parseQuery } from './odata';
import { dispatch, Route } from './router';
import { FaultInjector, FaultKind, Throttle, isAfterProcessing } from './faults';
import { Replication } from './replication';
import type { ConditionalAccessLimit } from './caThrottle';
import { expireApprovals } from './approvalModel';
import { touch } from './pimIndex';
import type { SbCtx, SbResult } from './context';
import { BoundedLog, RequestLogEntry } from './requestLog';
import type { SbState } from './types';
import { hardenState } from './records';

export interface GraphCall {
  version: string;
  method: string;
  /** Path and query below the version root, still percent-encoded. */
  target: string;
  headers: Record<string, string>;
  body: unknown;
  inBatch: boolean;
}

export interface GraphAnswer {
  status: number;
  headers: Record<string, string>;
  body?: unknown;
  reset?: boolean;
}

export interface EngineHooks {
  /** Runs a $batch (set by batch.ts to avoid an import cycle). */
  batch?: (engine: Engine, ctx: SbCtx) => SbResult;
  /** Persists the state after a change. */
  persist?: () => void;
  /** How bearer tokens are checked on the Graph and ARM faces (signed tokens need the identity endpoint). */
  tokens?: { graph: TokenPolicy; arm: TokenPolicy };
}

const WRITES = new Set(['POST', 'PATCH', 'PUT']);

export const JSON_TYPE =
  'application/json;odata.metadata=minimal;odata.streaming=true;IEEE754Compatible=false;charset=utf-8';

export class Engine {
  readonly log: RequestLogEntry[] = [];
  readonly logBound = new BoundedLog(this.log);
  private seq = 0;
  private requestIds: RequestIdStream;
  /** Eventual consistency (off unless a lag is configured). */
  replication = new Replication(0);
  /** Conditional Access: 1 request per second per tenant (on unless the conditionalAccessLimit option is false). */
  caLimit: ConditionalAccessLimit | null = null;
  /** Writes' own per-caller budget (off unless the writeThrottle option is given). */
  writeThrottle: Throttle | null = null;

  constructor(
    public state: SbState,
    readonly clock: SandboxClock,
    readonly routes: Route[],
    readonly baseUrl: () => string,
    readonly faults: FaultInjector | null,
    readonly throttle: Throttle | null,
    readonly hooks: EngineHooks,
  ) {
    hardenState(state);
    this.requestIds = new RequestIdStream(state.seed);
  }

  replaceState(state: SbState): void {
    this.state = hardenState(state);
    touch(state);
    this.logBound.clear();
    this.seq = 0;
    this.requestIds = new RequestIdStream(state.seed);
  }

  nextRequestId(): string {
    return this.requestIds.next();
  }

  /** A change made outside call() (the ARM face): re-index and persist. */
  touchState(): void {
    touch(this.state);
    this.hooks.persist?.();
  }

  /** Logs a request answered outside call() (the ARM face). */
  recordExternal(e: {
    method: string;
    path: string;
    status: number;
    callerUpn: string | null;
    requestId: string;
    body?: unknown;
  }): void {
    const entry: RequestLogEntry = {
      seq: ++this.seq,
      time: this.clock.now().toISOString(),
      method: e.method.toUpperCase(),
      path: e.path,
      status: e.status,
      callerUpn: e.callerUpn,
      requestId: e.requestId,
      clientRequestId: e.requestId,
      inBatch: false,
    };
    if (e.method.toUpperCase() !== 'GET' && e.body !== undefined && e.body !== null) entry.body = e.body;
    this.logBound.push(entry);
  }

  /**
   * Graph's identity-and-access limits (DOC): every request spends the caller's budget (`throttle`, counted in
   * requests rather than resource units: GUESS), and writes also spend a budget of their own (`writeThrottle`), so
   * writes can be throttled while reads are still served. A `$batch` envelope spends the request budget
   * (UNCONFIRMED, the stricter choice) but is not a write; the writes inside it are counted one by one.
   */
  private throttleCaller(callerId: string, method: string, path: string): void {
    const refuse = (retryAfter: number, information: string) => {
      throw new GraphError(
        429,
        'TooManyRequests',
        'Too many requests. Retry after the time in the Retry-After header.',
        {
          'Retry-After': String(retryAfter),
          'x-ms-throttle-scope': `Tenant_Application/ReadWrite/sandbox/${this.state.tenant.id}`,
          'x-ms-throttle-information': information,
        },
      );
    };
    const retryAfter = this.throttle?.take(callerId);
    if (retryAfter) refuse(retryAfter, 'ResourceUnitLimitExceeded');
    const write = method.toUpperCase() !== 'GET' && path.toLowerCase() !== '/$batch';
    const writeRetryAfter = write ? this.writeThrottle?.take(callerId) : null;
    if (writeRetryAfter) refuse(writeRetryAfter, 'WriteLimitExceeded');
  }

  call(c: GraphCall): GraphAnswer {
    const requestId = this.requestIds.next();
    const clientRequestId = c.headers['client-request-id'] ?? requestId;
    let callerUpn: string | null = null;
    let dirty = false;
    let answer: GraphAnswer;
    let lost: FaultKind | null = null;
    try {
      const caller = authenticate(this.state, c.headers.authorization, this.hooks.tokens?.graph);
      callerUpn = caller.user.userPrincipalName;
      const pathOnly = c.target.split('?')[0];
      this.throttleCaller(caller.user.id, c.method, pathOnly);
      const fault = this.faults?.decide(c.method, `/${c.version}${pathOnly}`);
      if (fault === 'reset' && !c.inBatch) {
        answer = { status: 0, headers: {}, reset: true };
        this.record(c, answer, callerUpn, requestId, clientRequestId);
        return answer;
      }
      if (fault === '429')
        throw new GraphError(
          429,
          'TooManyRequests',
          'Too many requests. Retry after the time in the Retry-After header.',
          { 'Retry-After': String(this.faults!.spec.retryAfter ?? 1) },
        );
      if (isAfterProcessing(fault)) lost = fault;
      else if (fault)
        throw new GraphError(
          503,
          'serviceNotAvailable',
          'The service is temporarily unavailable. Retry after the time in the Retry-After header.',
          { 'Retry-After': String(this.faults!.spec.retryAfter ?? 1) },
        );

      const now = this.clock.now();
      if (expireApprovals(this.state, now)) dirty = true;
      const q = c.target.indexOf('?');
      const ctx: SbCtx = {
        state: this.state,
        clock: this.clock,
        version: c.version,
        method: c.method.toUpperCase(),
        path: safeDecode(pathOnly),
        query: parseQuery(new URLSearchParams(q >= 0 ? c.target.slice(q + 1) : '')),
        headers: c.headers,
        body: c.body,
        caller: caller.user,
        claims: {
          amr: caller.amr,
          acrs: caller.acrs,
          appId: caller.appId,
          appOnly: caller.appOnly,
          permissions: caller.grants.scopes ?? caller.grants.roles ?? undefined,
        },
        baseUrl: this.baseUrl(),
        dirty: () => {
          dirty = true;
          touch(this.state);
        },
        replication: this.replication,
      };
      checkPermission(caller.grants, ctx.method, ctx.path);
      this.caLimit?.take(ctx.path);
      // Graph writes take a JSON object; anything else is the service's 400 (the handlers never see it).
      const b = ctx.body;
      if (WRITES.has(ctx.method) && b !== undefined && b !== null && (typeof b !== 'object' || Array.isArray(b))) {
        throw new GraphError(400, 'BadRequest', 'Invalid request body: the payload must be a JSON object.');
      }
      const isBatch = ctx.path.toLowerCase() === '/$batch';
      if (isBatch && c.inBatch)
        throw new GraphError(400, 'BadRequest', 'A $batch request cannot contain another $batch request.');
      const result = isBatch && this.hooks.batch ? this.hooks.batch(this, ctx) : dispatch(this.routes, ctx);
      answer = toAnswer(result);
    } catch (e) {
      const err =
        e instanceof GraphError
          ? e
          : new GraphError(500, 'InternalServerError', `The sandbox failed: ${(e as Error).message}`);
      if (!(e instanceof GraphError)) process.stderr.write(`sandbox: ${(e as Error).stack}\n`);
      answer = {
        status: err.status,
        headers: { 'Content-Type': 'application/json', ...err.headers },
        body: errorBody(err.status, err.code, err.message, this.clock.now(), requestId, clientRequestId),
      };
    }
    answer.headers = {
      ...answer.headers,
      'request-id': requestId,
      'client-request-id': clientRequestId,
      'OData-Version': '4.0',
      'x-ms-ags-diagnostic':
        '{"ServerInfo":{"DataCenter":"Sandbox","Slice":"E","Ring":"0","ScaleUnit":"000","RoleInstance":"127.0.0.1"}}',
    };
    if (dirty) {
      touch(this.state);
      this.hooks.persist?.();
    }
    if (lost) {
      // Processed (the change above is kept), then the answer never reaches the caller.
      const processed = answer.status;
      answer =
        lost === 'reset-after' && !c.inBatch
          ? { status: 0, headers: {}, reset: true }
          : {
              status: 503,
              headers: {
                'Content-Type': 'application/json',
                'Retry-After': String(this.faults!.spec.retryAfter ?? 1),
                'request-id': requestId,
                'client-request-id': clientRequestId,
              },
              body: errorBody(
                503,
                'serviceNotAvailable',
                'The service is temporarily unavailable. Retry after the time in the Retry-After header.',
                this.clock.now(),
                requestId,
                clientRequestId,
              ),
            };
      this.record(c, answer, callerUpn, requestId, clientRequestId, processed);
      return answer;
    }
    this.record(c, answer, callerUpn, requestId, clientRequestId);
    return answer;
  }

  private record(
    c: GraphCall,
    a: GraphAnswer,
    callerUpn: string | null,
    requestId: string,
    clientRequestId: string,
    processedStatus?: number,
  ): void {
    const entry: RequestLogEntry = {
      seq: ++this.seq,
      time: this.clock.now().toISOString(),
      method: c.method.toUpperCase(),
      path: `/${c.version}${c.target}`,
      status: a.reset ? 0 : a.status,
      callerUpn,
      requestId,
      clientRequestId,
      inBatch: c.inBatch,
      ...(processedStatus !== undefined ? { processedStatus } : {}),
    };
    if (c.method.toUpperCase() !== 'GET' && c.body !== undefined && c.body !== null) entry.body = c.body;
    this.logBound.push(entry);
  }
}

function toAnswer(r: SbResult): GraphAnswer {
  const headers: Record<string, string> = { ...(r.headers ?? {}) };
  if (r.body !== undefined && !Object.keys(headers).some((h) => h.toLowerCase() === 'content-type'))
    headers['Content-Type'] = JSON_TYPE;
  return { status: r.status, headers, body: r.body };
}

/** Decodes the path and turns OData key segments (`roleDefinitions('id')`) into `roleDefinitions/id`. */
function safeDecode(p: string): string {
  let d: string;
  try {
    d = decodeURIComponent(p);
  } catch {
    throw new GraphError(400, 'BadRequest', 'The request URL is not well formed.');
  }
  return d.replace(/([A-Za-z])\('([^'=]*)'\)/g, '$1/$2');
}
