// The transport's middleware chain on @microsoft/microsoft-graph-client: retry/log → auth → the library's
// HTTPMessageHandler (fetch). Per-call settings travel on the context object that every middleware receives.
import { Context, Middleware } from '@microsoft/microsoft-graph-client';
import { TokenSource } from '../auth/tokenSource';
import { AmbiguousOutcomeError, CancelledError, GraphRequestError, TransportError } from './errors';
import { GraphLogger } from './log';
import { registerSecret } from './redact';
import { ConnectionRefusedError, isConnectionRefused, isLoopback, REFUSED_RETRY_DELAY_MS } from './refusedConnection';
import { parseRetryAfter, RETRYABLE_STATUS, retryDelayMs, RetryOptions, sleep } from './retryPolicy';

export interface CallInfo {
  method: string;
  /** Path relative to the Graph host, for logs and errors. */
  path: string;
  /** Safe to send twice (GET, PATCH of a rule to a fixed value, a $batch of reads). */
  idempotent: boolean;
  clientRequestId: string;
  signal?: AbortSignal;
  attempts: number;
  /** Never retry sooner (a resource with a fixed rate, e.g. Conditional Access at 1/s). */
  minRetryDelayMs?: number;
  /** Hand a 429 to the caller instead of waiting and retrying here (a $batch, whose pacer learns from it). */
  passThrottle?: boolean;
}
export interface TransportContext extends Context {
  call: CallInfo;
}

abstract class Link implements Middleware {
  protected next?: Middleware;
  setNext(next: Middleware): void {
    this.next = next;
  }
  abstract execute(context: Context): Promise<void>;
}

/** Adds the bearer token, only for the transport's own host: a nextLink to another host never gets a token. */
export class AuthMiddleware extends Link {
  constructor(
    private readonly credential: TokenSource,
    private readonly scopes: string[],
    private readonly origin: string,
  ) {
    super();
  }
  async execute(context: Context): Promise<void> {
    const url = String(context.request);
    if (new URL(url).origin !== this.origin)
      throw new TransportError(`Refusing to send a token to ${new URL(url).origin}`);
    let token;
    try {
      token = await this.credential.getToken(this.scopes, { abortSignal: (context as TransportContext).call.signal });
    } catch (e) {
      throw new TransportError(`Could not get a token for Microsoft Graph: ${(e as Error).message}`);
    }
    if (!token) throw new TransportError('The credential returned no access token. Sign in again.');
    registerSecret(token.token);
    const headers = (context.options!.headers ?? {}) as Record<string, string>;
    headers.Authorization = `Bearer ${token.token}`;
    context.options!.headers = headers;
    await this.next!.execute(context);
  }
}

/** Told whether the host answered at all: 'refused' (nothing listens at a local address) or 'answered'. */
export type ReachabilityListener = (state: 'refused' | 'answered') => void;

export interface RetryStats {
  roundTrips: number;
  retries: number;
  throttled: number;
}

/** Retries 429/503/504 and dropped connections with Retry-After or jittered backoff, within a bounded budget; logs each attempt. */
export class RetryLogMiddleware extends Link {
  constructor(
    private readonly opts: RetryOptions,
    private readonly log: GraphLogger,
    private readonly stats: RetryStats,
    private readonly timeoutMs: number,
    private readonly reachability?: ReachabilityListener,
  ) {
    super();
  }

  async execute(context: Context): Promise<void> {
    const call = (context as TransportContext).call;
    let waited = 0;
    for (let attempt = 1; ; attempt++) {
      if (call.signal?.aborted) throw new CancelledError();
      call.attempts = attempt;
      const started = Date.now();
      const timeout = AbortSignal.timeout(this.timeoutMs);
      context.options!.signal = call.signal ? AbortSignal.any([call.signal, timeout]) : timeout;
      let status: number | undefined;
      let failure: Error | undefined;
      try {
        this.stats.roundTrips++;
        await this.next!.execute(context);
        status = context.response!.status;
      } catch (e) {
        if (call.signal?.aborted) throw new CancelledError();
        if (e instanceof TransportError) throw e;
        failure = e as Error;
      }
      const headers = context.response?.headers;
      this.log({
        level: failure || (status && status >= 400) ? 'warn' : 'debug',
        message: failure ? `connection failed: ${failure.message}` : '',
        method: call.method,
        path: call.path,
        status,
        durationMs: Date.now() - started,
        attempt,
        requestId: headers?.get('request-id') ?? undefined,
        clientRequestId: call.clientRequestId,
      });
      if (status !== undefined) this.reachability?.('answered');
      // A refused local connection never reached a server (so even a write may be tried again): one quick retry for
      // a server that was restarting, then the caller hears at once that nothing is listening.
      if (failure && isConnectionRefused(failure) && isLoopback(String(context.request))) {
        if (attempt >= 2) {
          this.reachability?.('refused');
          throw new ConnectionRefusedError(call.method, call.path, new URL(String(context.request)).origin);
        }
        this.stats.retries++;
        await sleep(REFUSED_RETRY_DELAY_MS, call.signal);
        context.response = undefined;
        continue;
      }
      const retryable = failure !== undefined || (status !== undefined && RETRYABLE_STATUS.has(status));
      if (!retryable) return;
      if (status === 429 && call.passThrottle) {
        this.stats.throttled++;
        return;
      }
      // A write that may have reached the service is not ours to repeat: the caller checks and decides.
      if (!call.idempotent && status !== 429) {
        if (failure)
          throw new AmbiguousOutcomeError({
            method: call.method,
            path: call.path,
            message: `connection failed (${failure.message}); the request may or may not have been applied`,
            clientRequestId: call.clientRequestId,
          });
        return;
      }
      if (status === 429) this.stats.throttled++;
      const delay = Math.max(
        call.minRetryDelayMs ?? 0,
        retryDelayMs(attempt, parseRetryAfter(headers?.get('retry-after')), this.opts),
      );
      if (attempt >= this.opts.maxAttempts || waited + delay > this.opts.budgetMs) {
        if (failure)
          throw new GraphRequestError({
            method: call.method,
            path: call.path,
            message: `connection failed after ${attempt} attempts: ${failure.message}`,
            clientRequestId: call.clientRequestId,
          });
        return; // the last response stands; the transport turns it into an error
      }
      this.stats.retries++;
      waited += delay;
      await sleep(delay, call.signal);
      // A consumed body must not leak between attempts.
      context.response = undefined;
    }
  }
}
