// A refused connection to this machine (127.0.0.1, ::1, localhost) means nothing listens there: a local server
// such as the sandbox is not running. Unlike a dropped connection to a remote service, waiting does not help, so
// the transport tries once more at once (a server that was just restarting) and then says so, instead of spending
// its whole retry budget (eight attempts, about half a minute) on a port that is closed.

/** Stable across bundles (match the code, not the class). */
export const CONNECTION_REFUSED = 'PIM_CONNECTION_REFUSED';

/** The pause before the one extra attempt: long enough for a restarting local server to accept again. */
export const REFUSED_RETRY_DELAY_MS = 150;

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]', '::1']);

/** Whether `url` names this machine. */
export function isLoopback(url: string): boolean {
  try {
    const host = new URL(url).hostname;
    return LOOPBACK_HOSTS.has(host) || /^127\./.test(host);
  } catch {
    return false;
  }
}

/** Whether fetch failed because the peer refused the connection (undici puts the socket error in `cause`). */
export function isConnectionRefused(error: unknown): boolean {
  for (let e = error as { code?: unknown; cause?: unknown; errors?: unknown[] } | undefined; e;) {
    if (e.code === 'ECONNREFUSED') return true;
    // localhost may resolve to ::1 and 127.0.0.1: Node tries both and reports an AggregateError.
    if (Array.isArray(e.errors) && e.errors.some(isConnectionRefused)) return true;
    e = e.cause as typeof e;
  }
  return false;
}

/** Nothing listens at the address: the request never reached a server, so it changed nothing. */
export class ConnectionRefusedError extends Error {
  readonly code = CONNECTION_REFUSED;
  constructor(
    readonly method: string,
    readonly path: string,
    /** The origin that refused, e.g. http://127.0.0.1:46515. */
    readonly origin: string,
  ) {
    super(`Nothing is listening at ${origin} (connection refused): the local server it names is not running.`);
    this.name = 'ConnectionRefusedError';
  }
}
