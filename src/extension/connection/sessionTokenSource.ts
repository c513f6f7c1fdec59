// Adapts VS Code's authentication sessions to the engine's TokenSource. VS Code refreshes the session's token
// itself, so each request asks for the session again (silently: it never opens a sign-in prompt mid-request).
import * as vscode from 'vscode';
import type { TokenSource } from '../../auth/tokenSource';
import { registerSecret } from '../../graph/redact';

/**
 * `microsoft` for the public cloud; national clouds go through VS Code's `microsoft-sovereign-cloud` provider,
 * whose cloud is chosen by VS Code's own `microsoft-sovereign-cloud.environment` setting.
 */
export function authProviderId(cloud: string): string {
  return cloud === 'global' ? 'microsoft' : 'microsoft-sovereign-cloud';
}

export function sessionTokenSource(
  providerId: string,
  scopes: readonly string[],
  options: { askOnFirstUse?: string } = {},
): TokenSource {
  let asked = false;
  return {
    async getToken() {
      // A second resource (Azure Resource Manager) may need consent once: ask the first time, silently after.
      const ask = options.askOnFirstUse && !asked;
      asked = true;
      const session = await vscode.authentication.getSession(
        providerId,
        [...scopes],
        ask ? { createIfNone: { detail: options.askOnFirstUse } } : { silent: true },
      );
      if (!session) throw new Error('The Microsoft account session ended; run "PIM Groups: Sign In" again.');
      registerSecret(session.accessToken);
      // VS Code does not expose the expiry; a short horizon makes every caller come back for the refreshed token.
      return { token: session.accessToken, expiresOnTimestamp: Date.now() + 60_000 };
    },
  };
}
