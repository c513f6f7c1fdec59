// What the transport tells its host about each HTTP exchange. The host decides where it goes (VS Code log channel,
// stderr with --verbose, a test array). Messages are redacted before they reach a logger.
import { redact } from './redact';

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';
export interface GraphLogEntry {
  level: LogLevel;
  message: string;
  method?: string;
  path?: string;
  status?: number;
  durationMs?: number;
  requestId?: string;
  clientRequestId?: string;
  attempt?: number;
}
export type GraphLogger = (entry: GraphLogEntry) => void;

export const silentLogger: GraphLogger = () => undefined;

/**
 * Wraps a logger so that nothing unredacted can reach it, whichever module logs. Every text field passes through
 * redaction, the ids from response headers too: a request id is not a secret (support asks for it, so it is kept),
 * but it comes from the other side of the wire, and whatever a server or a proxy puts there is checked like the rest.
 */
export function redactingLogger(inner: GraphLogger): GraphLogger {
  const text = (v: string | undefined) => v && redact(v);
  return (entry) =>
    inner({
      ...entry,
      message: redact(entry.message),
      method: text(entry.method),
      path: text(entry.path),
      requestId: text(entry.requestId),
      clientRequestId: text(entry.clientRequestId),
    });
}

export function formatLogEntry(e: GraphLogEntry): string {
  const parts = [
    e.method,
    e.path,
    e.status,
    e.durationMs !== undefined ? `${e.durationMs}ms` : undefined,
    e.requestId && `request-id=${e.requestId}`,
    e.attempt && e.attempt > 1 ? `attempt=${e.attempt}` : undefined,
  ];
  const head = parts.filter((p) => p !== undefined && p !== '').join(' ');
  return head ? `${head}${e.message ? ` — ${e.message}` : ''}` : e.message;
}
