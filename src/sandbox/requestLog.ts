// The record of every request the sandbox answered (inner $batch requests individually), for test assertions.
// It never holds the Authorization header or the token.

export interface RequestLogEntry {
  seq: number;
  /** Sandbox-clock time of the answer (ISO). */
  time: string;
  method: string;
  /** Path with query, including the version root (e.g. /v1.0/groups?$top=5). */
  path: string;
  status: number;
  callerUpn: string | null;
  requestId: string;
  clientRequestId: string;
  inBatch: boolean;
  /** The status the request really had when an injected fault lost its answer after processing (status is then 0 or 503). */
  processedStatus?: number;
  /** The JSON request body of writes. */
  body?: unknown;
}
