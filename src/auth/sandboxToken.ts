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
