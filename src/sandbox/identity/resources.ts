// Which resource a token is for: the resource part of the requested scopes ("https://graph.microsoft.com/.default"
// → https://graph.microsoft.com), known to the tenant or refused as Entra refuses an unknown resource (AADSTS500011).
// The sandbox knows Microsoft Graph and Azure Resource Manager under their public identifiers, and under its own
// URLs (a client pointed at the sandbox's Graph asks for `${sandboxUrl}/.default`).

export type ResourceKind = 'graph' | 'arm';
export interface Resource {
  kind: ResourceKind;
  audience: string;
}

const OIDC_SCOPES = new Set(['openid', 'profile', 'offline_access', 'email']);

export function resourceIdentifiers(graphUrl: string): Record<ResourceKind, string[]> {
  return {
    graph: ['https://graph.microsoft.com', '00000003-0000-0000-c000-000000000000', graphUrl],
    arm: ['https://management.azure.com', 'https://management.core.windows.net', `${graphUrl}/arm`],
  };
}

/** The resource of a scope list, or the first unknown resource named (undefined when no resource is named). */
export function resolveResource(scopes: string[], graphUrl: string): Resource | { unknown: string } | undefined {
  const ids = resourceIdentifiers(graphUrl);
  for (const scope of scopes) {
    if (OIDC_SCOPES.has(scope)) continue;
    const cut = scope.lastIndexOf('/');
    const resource = (cut > 0 ? scope.slice(0, cut) : scope).replace(/\/+$/, '');
    for (const kind of Object.keys(ids) as ResourceKind[]) {
      if (ids[kind].some((id) => id.toLowerCase() === resource.toLowerCase())) return { kind, audience: resource };
    }
    return { unknown: resource };
  }
  return undefined;
}

/** The audiences a face of the sandbox accepts in a signed token. */
export function acceptedAudiences(kind: ResourceKind, graphUrl: string): string[] {
  return resourceIdentifiers(graphUrl)[kind].flatMap((a) => [a, `${a}/`]);
}
