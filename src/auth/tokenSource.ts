// The one shape every credential has for the Graph transport: @azure/identity's TokenCredential satisfies it, the
// VS Code auth adapter fills it from a session, and the sandbox mints its own tokens.
import { mintSandboxToken, SandboxCaller } from './sandboxToken';

export interface AccessToken { token: string; expiresOnTimestamp: number }
export interface TokenSource {
  getToken(scopes: string | string[], options?: { abortSignal?: AbortSignal }): Promise<AccessToken | null>;
}

/** Tokens for the local sandbox: re-minted shortly before they expire, so long runs (benchmarks) never see a 401. */
export function sandboxTokenSource(caller: SandboxCaller): TokenSource {
  let current: AccessToken | undefined;
  return {
    async getToken() {
      if (!current || current.expiresOnTimestamp - Date.now() < 60_000) {
        const lifetimeSeconds = caller.lifetimeSeconds ?? 3600;
        current = { token: mintSandboxToken({ ...caller, lifetimeSeconds }), expiresOnTimestamp: Date.now() + lifetimeSeconds * 1000 };
      }
      return current;
    },
  };
}

/** Caches a credential's token until five minutes before expiry (the identity library caches too; this saves a hop). */
export function cachedTokenSource(inner: TokenSource): TokenSource {
  const cache = new Map<string, AccessToken>();
  return {
    async getToken(scopes, options) {
      const key = ([] as string[]).concat(scopes).join(' ');
      const hit = cache.get(key);
      if (hit && hit.expiresOnTimestamp - Date.now() > 5 * 60_000) return hit;
      const token = await inner.getToken(scopes, options);
      if (token) cache.set(key, token);
      return token;
    },
  };
}
