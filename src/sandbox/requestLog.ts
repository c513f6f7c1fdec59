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

/** The log keeps at most this many entries and about this many bytes (bodies counted as JSON), oldest dropped first:
 *  a long-running sandbox (the extension's) must not grow with every write it ever answered. */
export const LOG_LIMITS = { entries: 100_000, bytes: 32 * 1024 * 1024 };

/** Appends to a request log within LOG_LIMITS. The array itself is what callers read (sandbox.requestLog). */
export class BoundedLog {
  private sizes: number[] = [];
  private bytes = 0;
  constructor(
    readonly entries: RequestLogEntry[],
    private readonly limits = LOG_LIMITS,
  ) {}

  push(entry: RequestLogEntry): void {
    const size = 256 + entry.path.length + (entry.body === undefined ? 0 : JSON.stringify(entry.body).length);
    this.entries.push(entry);
    this.sizes.push(size);
    this.bytes += size;
    let drop = 0;
    while (
      this.entries.length - drop > 1 &&
      (this.entries.length - drop > this.limits.entries || this.bytes > this.limits.bytes)
    ) {
      this.bytes -= this.sizes[drop];
      drop += 1;
    }
    if (drop) {
      this.entries.splice(0, drop);
      this.sizes.splice(0, drop);
    }
  }

  clear(): void {
    this.entries.length = 0;
    this.sizes.length = 0;
    this.bytes = 0;
  }

  get byteCount(): number {
    return this.bytes;
  }
}
