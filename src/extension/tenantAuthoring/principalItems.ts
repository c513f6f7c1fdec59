// Principal completion items as data: what each hit inserts (`user:<UPN>`, `group:<name>`, `sp:<appId>`), its
// label and detail, and the prefix splitting of a half-typed reference. Pure.
import type { PrincipalKind } from '../../definitions/principalReference';
import { PRINCIPAL_PREFIXES } from '../../definitions/principalReference';
import type { PrincipalHit } from '../../tenant/directorySearch';

/** Whether a hit matches a prefix as the directory's startswith does (case-insensitive, UPN/app id or name). */
export const hitMatches = (h: PrincipalHit, prefix: string): boolean => {
  const p = prefix.toLowerCase();
  return h.value.toLowerCase().startsWith(p) || h.displayName.toLowerCase().startsWith(p);
};

/** `user:al` → the kind and the searched text; `us` (no colon yet) → undefined (the prefixes are offered). */
export function splitReference(typed: string): { kind: PrincipalKind; text: string } | undefined {
  const m = /^([a-z]+):(.*)$/.exec(typed);
  if (!m || !(PRINCIPAL_PREFIXES as readonly string[]).includes(m[1])) return undefined;
  return { kind: m[1] as PrincipalKind, text: m[2] };
}

export interface PrincipalItem {
  label: string;
  insert: string;
  detail: string;
  /** Text the editor filters on: the reference, or `kind:<display name>` when the name is what matched. */
  filterText: string;
}

export function principalItem(h: PrincipalHit, typed: string): PrincipalItem {
  const insert = `${h.kind}:${h.value}`;
  // Found by display name ("user:Lee" → lead@contoso.com): filter on the name, or the editor would hide it.
  const byValue = h.value.toLowerCase().startsWith(typed.toLowerCase());
  const facts =
    h.kind === 'user'
      ? [h.guest === undefined ? 'user' : h.guest ? 'guest' : 'member', h.accountEnabled === false ? 'disabled' : '']
      : [h.kind === 'group' ? 'group' : 'service principal'];
  return {
    label: insert,
    insert,
    detail: [h.displayName !== h.value ? h.displayName : '', ...facts].filter(Boolean).join(' · '),
    filterText: byValue ? insert : `${h.kind}:${h.displayName}`,
  };
}
