// Tokens for the sandbox tenant: an unsigned JWT (alg "none") whose claims say who calls, as a real Entra token
// would (oid, upn, tid, amr, acrs). The sandbox trusts these claims; a real tenant never sees such a token.

export interface SandboxCaller {
  /** User principal name, e.g. admin@contoso.com. The sandbox resolves the user by UPN when `oid` is absent. */
  upn: string;
  oid?: string;
  tid?: string;
  /** Adds `mfa` to the `amr` claim (the session passed multi-factor authentication). */
  mfa?: boolean;
  /** Authentication context class references satisfied by the session, e.g. ['c1']. */
  acrs?: string[];
  /** Seconds from now until the token expires (default one hour). */
  lifetimeSeconds?: number;
  /**
   * Delegated permission scopes (the `scp` claim); the sandbox enforces them per endpoint. Absent: no `scp` claim,
   * and a token with neither `scp` nor `roles` keeps full access in the sandbox (never so in a real tenant).
   */
  scopes?: string[];
}

const b64url = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');

export function mintSandboxToken(caller: SandboxCaller, now = Date.now()): string {
  const iat = Math.floor(now / 1000);
  const claims: Record<string, unknown> = {
    aud: 'https://graph.microsoft.com',
    iss: 'https://sandbox.pim-groups.local/',
    iat,
    nbf: iat,
    exp: iat + (caller.lifetimeSeconds ?? 3600),
    upn: caller.upn,
    unique_name: caller.upn,
    amr: caller.mfa ? ['pwd', 'mfa'] : ['pwd'],
  };
  if (caller.scopes) claims.scp = caller.scopes.join(' ');
  if (caller.oid) claims.oid = caller.oid;
  if (caller.tid) claims.tid = caller.tid;
  if (caller.acrs?.length) claims.acrs = caller.acrs;
  return `${b64url({ alg: 'none', typ: 'JWT' })}.${b64url(claims)}.`;
}

/** An application calling with client credentials: the service principal acts, with the `roles` claim's permissions. */
export interface SandboxApp {
  /** The service principal's object id (the token's `oid`); the demo tenant's pipeline app when absent. */
  servicePrincipalId?: string;
  /** The application (client) id (the token's `appid`). */
  appId?: string;
  /** Application permissions (the `roles` claim), enforced per endpoint as Graph does. */
  roles: string[];
  tid?: string;
  lifetimeSeconds?: number;
}

/** The demo tenant's `pim-groups-pipeline` service principal (docs/demo-tenant.md). */
export const DEMO_PIPELINE_APP = {
  servicePrincipalId: '5b1f7c2e-9d3a-4f6b-8c1d-2e3f4a5b6c7d',
  appId: '0d6a4f3e-1b2c-4d5e-8f90-a1b2c3d4e5f6',
};

/** An app-only token as client credentials give it: `idtyp: app`, `roles`, no `scp`, no user. */
export function mintSandboxAppToken(app: SandboxApp, now = Date.now()): string {
  const iat = Math.floor(now / 1000);
  const claims: Record<string, unknown> = {
    aud: 'https://graph.microsoft.com',
    iss: 'https://sandbox.pim-groups.local/',
    iat,
    nbf: iat,
    exp: iat + (app.lifetimeSeconds ?? 3600),
    idtyp: 'app',
    oid: app.servicePrincipalId ?? DEMO_PIPELINE_APP.servicePrincipalId,
    appid: app.appId ?? DEMO_PIPELINE_APP.appId,
    roles: app.roles,
  };
  if (app.tid) claims.tid = app.tid;
  return `${b64url({ alg: 'none', typ: 'JWT' })}.${b64url(claims)}.`;
}
