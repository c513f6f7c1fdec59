// The one shape every credential has for the Graph transport: @azure/identity's TokenCredential satisfies it, the
// VS Code auth adapter fills it from a session, and the sandbox mints its own tokens.
import { mintSandboxAppToken, mintSandboxToken, SandboxApp, SandboxCaller } from './sandboxToken';

export interface AccessToken {
  token: string;
  expiresOnTimestamp: number;
}
export interface TokenOptions {
  abortSignal?: AbortSignal;
  /** A claims request (JSON, e.g. {"access_token":{"acrs":{"essential":true,"value":"c1"}}}): a step-up. */
  claims?: string;
}

/**
 * Whether a credential can answer a claims challenge (MFA, a Conditional Access authentication context): an
 * interactive sign-in asks the person to satisfy it; any other says, in `advice`, how to satisfy it instead.
 */
export type StepUpSupport = { interactive: true } | { interactive: false; advice: string };

export interface TokenSource {
  getToken(scopes: string | string[], options?: TokenOptions): Promise<AccessToken | null>;
  /** Unset: the credential cannot step up and has nothing specific to say (the caller words it). */
  stepUp?: StepUpSupport;
}

/** Tokens for the local sandbox: re-minted shortly before they expire, so long runs (benchmarks) never see a 401. */
export function sandboxTokenSource(caller: SandboxCaller): TokenSource {
  return mintedTokenSource(
    (lifetimeSeconds) => mintSandboxToken({ ...caller, lifetimeSeconds }),
    caller.lifetimeSeconds,
  );
}

/** App-only sandbox tokens (client credentials, `roles`): what a pipeline's service principal presents. */
export function sandboxAppTokenSource(app: SandboxApp): TokenSource {
  return mintedTokenSource((lifetimeSeconds) => mintSandboxAppToken({ ...app, lifetimeSeconds }), app.lifetimeSeconds);
}

/** A minted token, minted again a minute before it expires. */
function mintedTokenSource(mint: (lifetimeSeconds: number) => string, lifetime = 3600): TokenSource {
  let current: AccessToken | undefined;
  return {
    async getToken() {
      if (!current || current.expiresOnTimestamp - Date.now() < 60_000) {
        current = { token: mint(lifetime), expiresOnTimestamp: Date.now() + lifetime * 1000 };
      }
      return current;
    },
  };
}

export function cachedTokenSource(inner: TokenSource): TokenSource {
  const cache = new Map<string, AccessToken>();
  const pending = new Map<string, Promise<AccessToken | null>>();
  return {
    stepUp: inner.stepUp,
    async getToken(scopes, options) {
      const key = ([] as string[]).concat(scopes).join(' ');
      if (options?.claims) {
        // A step-up never comes from the cache; its token replaces the cached one, so later calls carry it.
        const token = await inner.getToken(scopes, options);
        if (token) cache.set(key, token);
        return token;
      }
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
