// Errors from Graph carry what a person needs to act (status, code, message) and what support needs (request-id,
// client-request-id). Messages are redacted on construction, so an error can be logged or shown anywhere.
import { redact } from './redact';
import { explainRefusal, missingGrant, unwrapPimError } from './refusals';

export interface GraphErrorInfo {
  method: string;
  path: string;
  status?: number;
  code?: string;
  message: string;
  requestId?: string;
  clientRequestId?: string;
  /** A 429's Retry-After, when the caller asked to handle throttling itself. */
  retryAfterMs?: number;
}

export class GraphRequestError extends Error {
  readonly method: string;
  readonly path: string;
  readonly status?: number;
  readonly code?: string;
  readonly requestId?: string;
  readonly clientRequestId?: string;
  readonly retryAfterMs?: number;
  /** A refusal for want of a permission scope or directory role: what is missing, in a few words (refusals.ts). */
  readonly missing?: string;
  constructor(info: GraphErrorInfo) {
    const where = `${info.method} ${redact(info.path)}`;
    const what = [info.status, info.code].filter(Boolean).join(' ');
    const message = explainRefusal(info.status, info.code, info.message);
    super(
      redact(
        `${where} failed${what ? ` (${what})` : ''}: ${message}${info.requestId ? ` [request-id ${info.requestId}]` : ''}`,
      ),
    );
    this.name = 'GraphRequestError';
    this.method = info.method;
    this.path = redact(info.path);
    this.status = info.status;
    this.code = info.code;
    this.requestId = info.requestId;
    this.clientRequestId = info.clientRequestId;
    this.retryAfterMs = info.retryAfterMs;
    this.missing = missingGrant(info.method, info.status, info.code, info.message);
  }
}

/**
 * A write whose outcome is unknown: the connection dropped or the service answered 5xx after the request may have
 * been processed. The caller must look before sending it again (never create an assignment twice).
 */
export class AmbiguousOutcomeError extends GraphRequestError {
  constructor(info: GraphErrorInfo) {
    super(info);
    this.name = 'AmbiguousOutcomeError';
  }
}

/** The operation was cancelled through its AbortSignal. */
export class CancelledError extends Error {
  /** Stable across bundles (match it, not the class). GraphRequestError's `code` is the service's own error code. */
  readonly code = 'PIM_CANCELLED';
  constructor(message = 'Cancelled') {
    super(message);
    this.name = 'CancelledError';
  }
}

export function isCancelled(e: unknown): boolean {
  return e instanceof CancelledError || (e instanceof Error && e.name === 'AbortError');
}

/** Reads Graph's error envelope `{ error: { code, message, innerError } }`; tolerant of the odd shapes some workloads return. */
export function parseErrorBody(body: unknown): { code?: string; message?: string; requestId?: string } {
  const err = (
    body as {
      error?: {
        code?: string;
        message?: string;
        innerError?: Record<string, string>;
        innererror?: Record<string, string>;
      };
    } | null
  )?.error;
  if (!err) return {};
  const inner = err.innerError ?? err.innererror;
  return { ...unwrapPimError(err.code || undefined, err.message), requestId: inner?.['request-id'] };
}

/** Not a network problem: a refused host or a credential that cannot give a token. Never retried. */
export class TransportError extends Error {
  readonly code = 'PIM_TRANSPORT';
  constructor(message: string) {
    super(message);
    this.name = 'TransportError';
  }
}
