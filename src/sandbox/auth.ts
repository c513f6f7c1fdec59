// Who is calling: the bearer token is the unsigned JWT of src/auth/sandboxToken.ts. The sandbox trusts its claims
// (a real tenant verifies the signature) but refuses what Graph refuses: no token, a malformed one, an expired one
// (checked against real time, not the sandbox clock, so moving the clock forward never logs a test out), or one for
// a user the tenant does not know.
import { GraphError } from './graphError';
import type { SbState, SbUser } from './types';
import { userByUpn } from './pimIndex';
import { GUID_RE } from './ids';

export interface Caller { user: SbUser; amr: string[]; acrs: string[]; appId: string }

/** The client app of a token without appid/azp: the well-known id of Microsoft Graph Command Line Tools. */
export const DEFAULT_CLIENT_APP_ID = '14d82eec-204b-4c2f-b7e8-296a70dab67e';

const unauthorized = (message: string) =>
  new GraphError(401, 'InvalidAuthenticationToken', message, { 'WWW-Authenticate': 'Bearer realm="", authorization_uri="https://login.microsoftonline.com/common/oauth2/authorize", client_id="00000003-0000-0000-c000-000000000000"' });

/** Decoded claims of recently seen tokens: clients send the same token on every request. */
const claimCache = new Map<string, Record<string, unknown>>();

function decode(token: string): Record<string, unknown> {
  const hit = claimCache.get(token);
  if (hit) return hit;
  const parts = token.split('.');
  if (parts.length !== 3) throw unauthorized('IDX14100: JWT is not well formed, there are no dots (.).');
  let claims: Record<string, unknown>;
  try {
    claims = JSON.parse(Buffer.from(parts[1], 'base64url').toString('utf8')) as Record<string, unknown>;
  } catch {
    throw unauthorized('Invalid JWT token. The token is malformed.');
  }
  if (!claims || typeof claims !== 'object') throw unauthorized('Invalid JWT token. The token is malformed.');
  if (claimCache.size >= 256) claimCache.clear();
  claimCache.set(token, claims);
  return claims;
}

export function authenticate(state: SbState, authorization: string | undefined): Caller {
  if (!authorization) throw unauthorized('Access token is empty.');
  const m = /^Bearer\s+(\S+)$/i.exec(authorization.trim());
  if (!m) throw unauthorized('Access token is empty.');
  const claims = decode(m[1]);
  if (typeof claims.exp === 'number' && claims.exp * 1000 < Date.now()) {
    throw unauthorized('Lifetime validation failed, the token is expired.');
  }
  const oid = typeof claims.oid === 'string' ? claims.oid.toLowerCase() : undefined;
  // Entra object ids are GUIDs; any other oid (`constructor`, `__proto__`) is a forged token.
  if (claims.oid !== undefined && !(oid && GUID_RE.test(oid))) throw unauthorized('Access token validation failure: the oid claim is not an object id.');
  const upn = typeof claims.upn === 'string' ? claims.upn.toLowerCase() : undefined;
  const user = (oid && state.users[oid]) || (upn ? userByUpn(state, upn) : undefined);
  if (!user) throw unauthorized('Access token validation failure: the user is not in this tenant.');
  const list = (v: unknown) => (Array.isArray(v) ? v.map(String) : typeof v === 'string' ? v.split(/[ ,]+/).filter(Boolean) : []);
  const appId = typeof claims.appid === 'string' ? claims.appid : typeof claims.azp === 'string' ? claims.azp : DEFAULT_CLIENT_APP_ID;
  return { user, amr: list(claims.amr), acrs: list(claims.acrs), appId };
}
