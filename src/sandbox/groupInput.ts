// POST /groups validation as the directory does it (reference §7.1).
import { GraphError } from './graphError';
import type { SbState } from './types';

export const dirBad = (message: string) => new GraphError(400, 'Request_BadRequest', message);
const NICK_FORBIDDEN = /[@()\\[\]";:.<>, ]/;

export function validateMailNickname(state: SbState, nick: unknown, unified: boolean, exceptId?: string): string {
  if (
    typeof nick !== 'string' ||
    nick.length === 0 ||
    nick.length > 64 ||
    NICK_FORBIDDEN.test(nick) ||
    /[^\x00-\x7f]/.test(nick)
  ) {
    throw dirBad(`Invalid value specified for property 'mailNickname' of resource 'Group'.`);
  }
  if (
    unified &&
    Object.values(state.groups).some(
      (g) =>
        g.id !== exceptId && g.groupTypes.includes('Unified') && g.mailNickname.toLowerCase() === nick.toLowerCase(),
    )
  ) {
    throw dirBad('Another object with the same value for property proxyAddresses already exists.');
  }
  return nick;
}

/**
 * uniqueName: writable once, immutable, unique in the tenant (DOC group-upsert). GUESS: compared case-insensitively,
 * at most 256 characters like displayName.
 */
export function validateUniqueName(state: SbState, v: unknown): string | null {
  if (v === undefined || v === null) return null;
  if (typeof v !== 'string' || !v.trim() || v.length > 256)
    throw dirBad(`Invalid value specified for property 'uniqueName' of resource 'Group'.`);
  if (Object.values(state.groups).some((g) => g.uniqueName?.toLowerCase() === v.toLowerCase())) {
    throw dirBad('Another object with the same value for property uniqueName already exists.');
  }
  return v;
}

export function validateGroupTypes(v: unknown): string[] {
  if (v === undefined || v === null) return [];
  if (!Array.isArray(v)) throw dirBad(`Invalid value specified for property 'groupTypes' of resource 'Group'.`);
  return v.map((t) => {
    const hit = ['Unified', 'DynamicMembership'].find(
      (x) => typeof t === 'string' && x.toLowerCase() === t.toLowerCase(),
    );
    if (!hit) throw dirBad(`Invalid value specified for property 'groupTypes' of resource 'Group'.`);
    return hit;
  });
}

/** `https://graph.microsoft.com/v1.0/users/{id}` or `.../directoryObjects/{id}` → id. */
export function bindId(url: unknown): string {
  const m =
    typeof url === 'string'
      ? /\/(?:users|groups|servicePrincipals|directoryObjects)(?:\/|\(')([0-9a-f-]{36})/i.exec(url)
      : null;
  if (!m) throw dirBad(`Invalid object identifier '${String(url)}'.`);
  return m[1].toLowerCase();
}

export const GROUP_PATCHABLE = [
  'displayName',
  'description',
  'mailNickname',
  'visibility',
  'membershipRule',
  'membershipRuleProcessingState',
  'securityEnabled',
  'mailEnabled',
  'groupTypes',
  'isAssignableToRole',
];
