// The one shape every credential has for the Graph transport: @azure/identity's TokenCredential satisfies it, the
// VS Code auth adapter fills it from a session, and the sandbox mints its own tokens.
import { mintSandboxToken, SandboxCaller } from './sandboxToken';

export interface AccessToken {
  token: string;
  expiresOnTimestamp: number;
}
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
        current = {
          token: mintSandboxToken({ ...caller, lifetimeSeconds }),
          expiresOnTimestamp: Date.now() + lifetimeSeconds * 1000,
        };
      }
      return current;
    },
  };
}

/** Caches a credential's token until five minutes before expiry (the identity library caches too; this saves a hop),
 *  and asks once for calls that start together: the library does not join concurrent requests for the same scope, so
 *  a plan's parallel reads would each go to the token endpoint. */
export function cachedTokenSource(inner: TokenSource): TokenSource {
  const cache = new Map<string, AccessToken>();
  const pending = new Map<string, Promise<AccessToken | null>>();
  return {
    async getToken(scopes, options) {
      const key = ([] as string[]).concat(scopes).join(' ');
      const hit = cache.get(key);
      if (hit && hit.expiresOnTimestamp - Date.now() > 5 * 60_000) return hit;
      let request = pending.get(key);
      if (!request) {
        request = inner.getToken(scopes, options).finally(() => pending.delete(key));
        pending.set(key, request);
      }
      const token = await request;
      if (token) cache.set(key, token);
      return token;
    },
  };
}
