// What a Graph access token grants, read from its claims: delegated scopes (`scp`, space-separated) or application
// permissions (`roles`), and whether it is app-only. Only these claims leave this function: the token itself is
// never returned, logged or shown. The claims are not verified here (the service does that); they only tell the
// readiness check what the service will see.

export interface TokenGrants {
  /** Delegated permission scopes; null when the token has no `scp` claim. */
  scopes: string[] | null;
  /** Application permissions; null when the token has no `roles` claim. */
  roles: string[] | null;
  /** An app signed in with its own credentials (no user): `idtyp` app, or roles without scopes. */
  appOnly: boolean;
}

/** undefined when the token is not a JWT whose payload is JSON (an opaque token tells nothing). */
export function grantsOfToken(token: string): TokenGrants | undefined {
  const parts = token.split('.');
  if (parts.length !== 3) return undefined;
  let claims: Record<string, unknown>;
  try {
    claims = JSON.parse(Buffer.from(parts[1], 'base64url').toString('utf8')) as Record<string, unknown>;
  } catch {
    return undefined;
  }
  if (!claims || typeof claims !== 'object') return undefined;
  const scopes = typeof claims.scp === 'string' ? claims.scp.split(' ').filter(Boolean) : null;
  const roles = Array.isArray(claims.roles) ? claims.roles.map(String) : null;
  const appOnly = claims.idtyp === 'app' || (scopes === null && roles !== null);
  return { scopes, roles, appOnly };
}
