// Raw HTTP to the sandbox with any Host, Origin, Content-Type or body (fetch fixes some of these itself).
import * as http from 'node:http';
import { mintSandboxToken } from '../../../src/auth/sandboxToken';

export interface RawReply {
  status: number;
  headers: http.IncomingHttpHeaders;
  text: string;
  json: any;
}

export interface RawRequest {
  method: string;
  path: string;
  headers?: Record<string, string>;
  body?: string | Buffer;
}

export function raw(baseUrl: string, r: RawRequest): Promise<RawReply> {
  const u = new URL(baseUrl);
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: u.hostname, port: u.port, method: r.method, path: r.path, headers: r.headers, agent: false },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          let json: unknown;
          try {
            json = text ? JSON.parse(text) : undefined;
          } catch {
            json = undefined;
          }
          resolve({ status: res.statusCode ?? 0, headers: res.headers, text, json });
        });
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    if (r.body !== undefined) req.write(r.body);
    req.end();
  });
}

export const bearer = (upn = 'admin@contoso.com', extra: Record<string, unknown> = {}) => {
  if (!Object.keys(extra).length) return `Bearer ${mintSandboxToken({ upn })}`;
  const [h, p] = mintSandboxToken({ upn }).split('.');
  const claims = { ...JSON.parse(Buffer.from(p, 'base64url').toString('utf8')), ...extra };
  return `Bearer ${h}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.`;
};
