// What the sandbox refuses before routing, so that only a local program talking JSON reaches the tenant:
// - a Host that is not a loopback name (a web page that rebinds its own DNS name to 127.0.0.1 sends its name);
// - a browser Origin other than a loopback one (cross-site requests from a web page);
// - a body without a JSON content type on control endpoints and on Graph/ARM writes (a cross-site "simple"
//   request can only send text/plain, form or multipart bodies without a CORS preflight);
// - a body over the size limit (413), counted while reading so that a huge body is never held in memory;
// - a JSON body with a key such as `__proto__` or `constructor` (no Graph type has such a property).
import type * as http from 'node:http';
import { specialKeyIn } from './records';

/** Graph refuses request bodies over 4 MB (UNCONFIRMED: the exact limit and envelope of the service's 413). */
export const BODY_LIMIT_BYTES = 4 * 1024 * 1024;

const LOOPBACK = /^(127\.\d{1,3}\.\d{1,3}\.\d{1,3}|localhost|\[::1\])(:\d{1,5})?$/i;

export function isLoopbackHost(host: string | undefined): boolean {
  return host !== undefined && LOOPBACK.test(host.trim());
}

export function isLoopbackOrigin(origin: string | undefined): boolean {
  if (origin === undefined) return true; // not a browser request
  const m = /^https?:\/\/([^/]+)$/i.exec(origin.trim());
  return Boolean(m) && isLoopbackHost(m![1]);
}

export function isJsonType(contentType: string | undefined): boolean {
  const media = (contentType ?? '').split(';')[0].trim().toLowerCase();
  return media === 'application/json' || /^application\/[a-z0-9.+-]+\+json$/.test(media);
}

export type BodyRead = { ok: true; text: string } | { ok: false; tooLarge: true };

/** Reads the body up to `limit` bytes; past it the rest is drained and dropped, never retained. */
export function readBody(req: http.IncomingMessage, limit = BODY_LIMIT_BYTES): Promise<BodyRead> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > limit) {
        tooLarge = true;
        chunks.length = 0;
        return;
      }
      chunks.push(c);
    });
    req.on('end', () =>
      resolve(tooLarge ? { ok: false, tooLarge: true } : { ok: true, text: Buffer.concat(chunks).toString('utf8') }),
    );
    req.on('error', reject);
  });
}

export interface Refusal {
  status: number;
  code: string;
  message: string;
}

/** The refusal for a request's headers and body, or undefined when it may proceed. */
export function refuse(
  kind: 'graph' | 'arm' | 'control',
  method: string,
  headers: Record<string, string>,
  text: string,
  body: unknown,
): Refusal | undefined {
  if (!isLoopbackHost(headers.host)) {
    return {
      status: 400,
      code: 'BadRequest',
      message: 'The sandbox answers only requests addressed to 127.0.0.1, localhost or [::1].',
    };
  }
  if (!isLoopbackOrigin(headers.origin)) {
    return { status: 403, code: 'Forbidden', message: 'Cross-origin requests to the sandbox are refused.' };
  }
  const write = method !== 'GET' && method !== 'HEAD';
  if (((kind === 'control' && write) || text.length > 0) && !isJsonType(headers['content-type'])) {
    return {
      status: 415,
      code: 'UnsupportedMediaType',
      message: 'Send the body as JSON with Content-Type: application/json.',
    };
  }
  const special = specialKeyIn(body);
  if (special !== undefined) {
    return {
      status: 400,
      code: 'BadRequest',
      message: `The property '${special}' does not exist on any type of this service.`,
    };
  }
  return undefined;
}
