// The HTTP face of the sandbox on 127.0.0.1: /v1.0 and /beta (Graph), /arm (Azure Resource Manager), /_sandbox
// (control). Keep-alive connections; bodies are JSON.
import * as http from 'node:http';
import { errorBody } from './graphError';
import type { Engine, GraphAnswer } from './engine';
import { control } from './control';
import { readBody, refuse } from './requestGuards';
import { identityControl } from './identity/control';
import type { IdentityService } from './identity/service';

export interface ServerDeps {
  engine: Engine;
  latencyMs: number;
  url: () => string;
  reseed: (seed?: string) => void;
  arm?: (method: string, target: string, headers: Record<string, string>, body: unknown) => GraphAnswer;
  /** The identity endpoint's service, when it runs (its control calls live under /_sandbox/identity). */
  identity?: () => IdentityService | undefined;
}

function lowerHeaders(req: http.IncomingMessage): Record<string, string> {
  const h: Record<string, string> = {};
  for (const [k, v] of Object.entries(req.headers))
    if (v !== undefined) h[k.toLowerCase()] = Array.isArray(v) ? v.join(', ') : v;
  return h;
}

function send(res: http.ServerResponse, a: GraphAnswer, now?: Date): void {
  if (a.reset) {
    res.socket?.destroy();
    return;
  }
  const payload = a.body === undefined ? '' : typeof a.body === 'string' ? a.body : JSON.stringify(a.body);
  // Date by the sandbox's clock, as the service sends its own: clients judge expiry by the tenant's time.
  res.writeHead(a.status, {
    ...(now ? { Date: now.toUTCString() } : {}),
    ...a.headers,
    'Content-Length': Buffer.byteLength(payload),
  });
  res.end(payload);
}

const delay = (ms: number) => new Promise((r) => setTimeout(r, ms));

export function createSandboxServer(deps: ServerDeps): http.Server {
  const server = http.createServer({ keepAlive: true }, async (req, res) => {
    try {
      const raw = req.url ?? '/';
      const headers = lowerHeaders(req);
      const method = (req.method ?? 'GET').toUpperCase();
      const kind = raw.startsWith('/_sandbox/') ? 'control' : raw.startsWith('/arm/') ? 'arm' : 'graph';
      const fail = (status: number, code: string, message: string) => {
        const id = deps.engine.nextRequestId();
        send(res, {
          status,
          headers: { 'Content-Type': 'application/json', 'request-id': id },
          body: errorBody(status, code, message, deps.engine.clock.now(), id, headers['client-request-id'] ?? id),
        });
      };
      const read = await readBody(req);
      if (!read.ok) {
        fail(413, 'RequestEntityTooLarge', 'The request body is too large.');
        return;
      }
      const text = read.text;
      const latency = deps.latencyMs + (deps.engine.faults?.spec.latencyMs ?? 0);
      if (latency > 0) await delay(latency);
      let body: unknown;
      if (text.length) {
        try {
          body = JSON.parse(text);
        } catch {
          fail(
            400,
            'BadRequest',
            'Unable to read JSON request payload. Please ensure Content-Type header is set and payload is of valid JSON format.',
          );
          return;
        }
      }
      const refusal = refuse(kind, method, headers, text, body);
      if (refusal) {
        fail(refusal.status, refusal.code, refusal.message);
        return;
      }
      const m = /^\/(v1\.0|beta)(\/.*)?$/i.exec(raw.split('?')[0]);
      if (m) {
        const q = raw.indexOf('?');
        const target = (m[2] ?? '/') + (q >= 0 ? raw.slice(q) : '');
        send(
          res,
          deps.engine.call({ version: m[1].toLowerCase(), method, target, headers, body, inBatch: false }),
          deps.engine.clock.now(),
        );
        return;
      }
      if (raw.startsWith('/_sandbox/identity')) {
        const a = identityControl(deps.identity?.(), req.method ?? 'GET', raw.split('?')[0], body);
        send(res, { status: a.status, headers: { 'Content-Type': 'application/json' }, body: a.body });
        return;
      }
      if (raw.startsWith('/_sandbox/')) {
        const u = new URL(raw, 'http://127.0.0.1');
        const a = control(deps.engine, method, u.pathname, u.searchParams, body, deps.url(), deps.reseed);
        send(res, { status: a.status, headers: { 'Content-Type': 'application/json' }, body: a.body });
        return;
      }
      if (kind === 'arm' && deps.arm) {
        send(res, deps.arm(method, raw.slice(4), headers, body));
        return;
      }
      fail(400, 'BadRequest', 'Invalid version: the path must start with /v1.0 or /beta.');
    } catch (e) {
      if (!res.headersSent) {
        res.writeHead(500, { 'Content-Type': 'application/json' });
        res.end(JSON.stringify({ error: { code: 'InternalServerError', message: (e as Error).message } }));
      }
    }
  });
  // Malformed HTTP (Node's parser refuses it before any handler): still a Graph error envelope, never a bare 400.
  server.on('clientError', (err: NodeJS.ErrnoException, socket) => {
    if (err.code === 'ECONNRESET' || !socket.writable) {
      socket.destroy();
      return;
    }
    const status = err.code === 'HPE_HEADER_OVERFLOW' ? 431 : 400;
    const body = JSON.stringify({ error: { code: 'BadRequest', message: 'The request is not well-formed HTTP.' } });
    socket.end(
      `HTTP/1.1 ${status} ${status === 431 ? 'Request Header Fields Too Large' : 'Bad Request'}\r\nContent-Type: application/json\r\n` +
        `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    );
  });
  server.keepAliveTimeout = 30_000;
  return server;
}
