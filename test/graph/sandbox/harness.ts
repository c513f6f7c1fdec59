// Talks to a real sandbox over HTTP on 127.0.0.1, as any Graph client would.
import { startSandbox, Sandbox, SandboxOptions } from '../../../src/sandbox';
import { mintSandboxToken, SandboxCaller } from '../../../src/auth/sandboxToken';

export const PIM = '/v1.0/identityGovernance/privilegedAccess/group';
export const T0 = new Date('2026-11-26T10:00:00Z');

export interface Reply {
  status: number;
  headers: Headers;
  body: any;
}

export class Client {
  constructor(
    readonly sb: Sandbox,
    readonly caller: SandboxCaller | null,
  ) {}

  as(upn: string, extra: Omit<SandboxCaller, 'upn'> = {}): Client {
    return new Client(this.sb, { upn, ...extra });
  }

  async call(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<Reply> {
    const h: Record<string, string> = {};
    if (this.caller) h.Authorization = `Bearer ${mintSandboxToken(this.caller)}`;
    Object.assign(h, headers);
    if (body !== undefined) h['Content-Type'] = 'application/json';
    const res = await fetch(this.sb.url + encodePath(path), {
      method,
      headers: h,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : null;
    } catch {
      /* text/plain */
    }
    return { status: res.status, headers: res.headers, body: parsed };
  }
  get(path: string, headers?: Record<string, string>) {
    return this.call('GET', path, undefined, headers);
  }
  post(path: string, body: unknown) {
    return this.call('POST', path, body);
  }
  patch(path: string, body: unknown) {
    return this.call('PATCH', path, body);
  }
}

/** Encodes spaces and quotes in a doc-style URL (`?$filter=groupId eq '..'`) as a client would on the wire. */
export function encodePath(path: string): string {
  return path.replace(/ /g, '%20').replace(/'/g, '%27');
}

export async function withSandbox(options: SandboxOptions = {}): Promise<{ sb: Sandbox; admin: Client }> {
  const sb = await startSandbox({ now: T0, ...options });
  return { sb, admin: new Client(sb, { upn: 'admin@contoso.com' }) };
}

export function groupIdOf(sb: Sandbox, name: string): string {
  const g = Object.values(sb.state.groups).find((x) => x.displayName === name);
  if (!g) throw new Error(`no group ${name}`);
  return g.id;
}

export function userIdOf(sb: Sandbox, upn: string): string {
  const u = Object.values(sb.state.users).find((x) => x.userPrincipalName === upn);
  if (!u) throw new Error(`no user ${upn}`);
  return u.id;
}

export const MINUTE = 60_000,
  HOUR = 60 * MINUTE,
  DAY = 24 * HOUR;
