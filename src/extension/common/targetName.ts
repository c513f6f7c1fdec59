// The tenant a plan or an apply is for, in the words a person recognises: "Contoso Ltd (contoso.com)" from the
// organization read (Organization.Read.All, which sign-in asks for), or "Sandbox" for the built-in sandbox. Never
// the Graph URL: `http://127.0.0.1:46515` says nothing about which tenant is about to change.
import type { ConnectionInfo } from './connection';
import { loadEngine } from '../engine/engineLoader';

export interface OrganizationFacts {
  displayName?: string;
  /** The default verified domain (what the admin center shows as primary). */
  domain?: string;
}

interface OrganizationWire {
  value?: { displayName?: string; verifiedDomains?: { name?: string; isDefault?: boolean }[] }[];
}

/** The organization's name and primary domain from `path` (the engine's `paths.organization`); undefined when it cannot be read. */
export async function readOrganization(
  get: (path: string) => Promise<unknown>,
  path: string,
): Promise<OrganizationFacts | undefined> {
  try {
    const org = ((await get(path)) as OrganizationWire).value?.[0];
    if (!org) return undefined;
    const domains = org.verifiedDomains ?? [];
    return { displayName: org.displayName, domain: (domains.find((d) => d.isDefault) ?? domains[0])?.name };
  } catch {
    // Without Organization.Read.All the connection's own facts still name the tenant (see targetName).
    return undefined;
  }
}

/** "Sandbox"; "Contoso Ltd (contoso.com)"; without the organization read, the configured tenant or the account's. */
export function targetName(info: Pick<ConnectionInfo, 'kind' | 'tenant' | 'account'>, org?: OrganizationFacts): string {
  if (info.kind === 'sandbox') return 'Sandbox';
  if (org?.displayName) return org.domain ? `${org.displayName} (${org.domain})` : org.displayName;
  if (org?.domain) return org.domain;
  const configured = info.tenant && info.tenant !== 'organizations' && info.tenant !== 'common' ? info.tenant : '';
  if (configured) return `tenant ${configured}`;
  const accountDomain = info.account.split('@')[1];
  return accountDomain ? `the tenant of ${info.account}` : 'the signed-in tenant';
}

/** Reads the organization once per connection (a tenant's name does not change while signed in). */
export class TargetNames {
  private cache = new WeakMap<ConnectionInfo, Promise<string>>();

  /** `graph`: the connection's transport (only asked for a tenant connection). */
  nameOf(info: ConnectionInfo, graph: () => Promise<{ get(path: string): Promise<unknown> }>): Promise<string> {
    let name = this.cache.get(info);
    if (!name) {
      name =
        info.kind === 'sandbox'
          ? Promise.resolve(targetName(info))
          : graph()
              .then((t) => readOrganization((path) => t.get(path), loadEngine().graph.paths.organization))
              .catch(() => undefined)
              .then((org) => targetName(info, org));
      this.cache.set(info, name);
    }
    return name;
  }
}

/** The extension's one cache of tenant names (the preview and Apply name the same tenant the same way). */
export const targetNames = new TargetNames();
