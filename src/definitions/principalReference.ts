// Principal references: `user:<UPN or id>`, `group:<displayName or id>`, `sp:<appId or id>`.

export type PrincipalKind = 'user' | 'group' | 'sp';
export const PRINCIPAL_PREFIXES: readonly PrincipalKind[] = ['user', 'group', 'sp'];

export type PrincipalParse =
  { ok: true; kind: PrincipalKind; value: string } | { ok: false; message: string; suggestion?: string };

export function parsePrincipal(ref: string): PrincipalParse {
  const m = /^([A-Za-z]+):(.*)$/.exec(ref);
  if (m && (PRINCIPAL_PREFIXES as readonly string[]).includes(m[1])) {
    const value = m[2].trim();
    if (!value)
      return { ok: false, message: `'${ref}' names nobody; write e.g. ${m[1]}:${example(m[1] as PrincipalKind)}.` };
    return { ok: true, kind: m[1] as PrincipalKind, value };
  }
  if (m && (PRINCIPAL_PREFIXES as readonly string[]).includes(m[1].toLowerCase())) {
    const suggestion = `${m[1].toLowerCase()}:${m[2]}`;
    return { ok: false, message: `Prefixes are lower case: write '${suggestion}'.`, suggestion };
  }
  if (/^[^\s:@]+@[^\s@]+\.[^\s@]+$/.test(ref)) {
    const suggestion = `user:${ref}`;
    return {
      ok: false,
      message: `'${ref}' has no prefix; write '${suggestion}' for a user (or group:/sp:).`,
      suggestion,
    };
  }
  return {
    ok: false,
    message: `'${ref}' is not a principal reference; start it with user:, group: or sp: (e.g. user:alice@contoso.com).`,
  };
}

function example(kind: PrincipalKind): string {
  return { user: 'alice@contoso.com', group: 'Helpdesk Leads', sp: '0d6a4f3e-1b2c-4d5e-8f90-a1b2c3d4e5f6' }[kind];
}

/** A key that treats `user:Alice@Contoso.com` and `user:alice@contoso.com` as the same principal. */
export function principalKey(ref: string): string {
  const p = parsePrincipal(ref);
  return p.ok ? `${p.kind}:${p.value.toLowerCase()}` : ref.trim().toLowerCase();
}
