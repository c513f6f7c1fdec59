// The scopes passed to VS Code's sign-in. Which Graph permissions: the engine derives them from the permissions table
// (src/readiness/signInScopes.ts, the data docs/permissions.md shows), so there is no second list here. Pure: no `vscode`.

export interface SignInSettings {
  clientId?: string;
  tenantId?: string;
  /** Graph host root, e.g. https://graph.microsoft.us. */
  graphBaseUrl: string;
  /** Graph permission names without a resource prefix (the engine's `readiness.editorSignInScopes()`). */
  graphScopes: readonly string[];
}

/**
 * The scopes passed to VS Code's `microsoft` authentication provider: the customer's app registration and tenant
 * as the provider's `VSCODE_CLIENT_ID:` / `VSCODE_TENANT:` pseudo-scopes, then the Graph scopes on the cloud's host.
 * `offline_access` keeps the session refreshable without a prompt.
 */
export function signInScopes(settings: SignInSettings): string[] {
  const host = settings.graphBaseUrl.replace(/\/+$/, '');
  const scopes: string[] = [];
  if (settings.clientId) scopes.push(`VSCODE_CLIENT_ID:${settings.clientId}`);
  scopes.push(`VSCODE_TENANT:${settings.tenantId || 'organizations'}`);
  scopes.push('offline_access', ...settings.graphScopes.map((s) => `${host}/${s}`));
  return scopes;
}

/**
 * The scopes of the second session Azure role bindings need: Azure Resource Manager is another resource with its
 * own token audience (docs/bindings.md). Same app registration and tenant; asked for only when a plan reads ARM.
 */
export function armSignInScopes(
  settings: Pick<SignInSettings, 'clientId' | 'tenantId'>,
  armBaseUrl = 'https://management.azure.com',
): string[] {
  const scopes: string[] = [];
  if (settings.clientId) scopes.push(`VSCODE_CLIENT_ID:${settings.clientId}`);
  scopes.push(`VSCODE_TENANT:${settings.tenantId || 'organizations'}`, `${armBaseUrl.replace(/\/+$/, '')}/.default`);
  return scopes;
}
