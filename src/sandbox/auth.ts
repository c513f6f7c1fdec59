// Who is calling. Two kinds of bearer token:
//  - the unsigned JWT of src/auth/sandboxToken.ts: the sandbox trusts its claims (unless signed tokens are required);
//  - an RS256 JWT from the sandbox's identity endpoint (src/sandbox/identity): signature, issuer, audience and
//    lifetime are checked as the service checks them, then its claims are trusted.
// Either way it refuses what Graph refuses: no token, a malformed one, an expired one (checked against real time, not
// the sandbox clock, so moving the clock forward never logs a test out), or a caller the tenant does not know.
// An app-only token (idtyp app) makes the app's service principal the caller.
import { GraphError } from './graphError';
import type { SbState, SbUser } from './types';
import { userByUpn } from './pimIndex';
import { grantsOf, Grants } from './permissions';
import { GUID_RE } from './ids';
import { decodeJwt, DecodedJwt } from './identity/jwt';
import { signedTokenProblem, SignedTokenCheck } from './identity/verify';
import { appAsCaller } from './identity/appCaller';

export interface Caller {
  user: SbUser;
  amr: string[];
  acrs: string[];
  appId: string;
  appOnly: boolean;
  grants: Grants;
}

/** How tokens are checked: whether unsigned sandbox tokens are refused, and what a signed one must satisfy. */
export interface TokenPolicy {
  requireSigned: boolean;
  check?: SignedTokenCheck;
}

/** The client app of a token without appid/azp: the well-known id of Microsoft Graph Command Line Tools. */
export const DEFAULT_CLIENT_APP_ID = '14d82eec-204b-4c2f-b7e8-296a70dab67e';

const unauthorized = (message: string) =>
  new GraphError(401, 'InvalidAuthenticationToken', message, {
    'WWW-Authenticate':
      'Bearer realm="", authorization_uri="https://login.microsoftonline.com/common/oauth2/authorize", client_id="00000003-0000-0000-c000-000000000000"',
  });

/** Tokens recently seen and found good, per issuer checked against: clients send the same token on every request. */
const seen = new Map<string, DecodedJwt>();

function decode(token: string, policy: TokenPolicy | undefined): DecodedJwt {
  const cacheKey = `${policy?.check?.issuer ?? ''} ${policy?.check?.audiences[0] ?? ''} ${token}`;
  const hit = seen.get(cacheKey);
  if (hit) return hit;
  if (token.split('.').length !== 3) throw unauthorized('IDX14100: JWT is not well formed, there are no dots (.).');
  const jwt = decodeJwt(token);
  if (!jwt) throw unauthorized('Invalid JWT token. The token is malformed.');
  if (jwt.header.alg === 'none') {
    if (policy?.requireSigned)
      throw unauthorized('IDX10504: Unable to validate signature, token does not have a signature.');
  } else {
    if (!policy?.check)
      throw unauthorized(
        'IDX10500: Signature validation failed. No security keys were provided to validate the signature.',
      );
    const problem = signedTokenProblem(jwt, policy.check);
    if (problem) throw unauthorized(problem);
  }
  if (seen.size >= 256) seen.clear();
  seen.set(cacheKey, jwt);
  return jwt;
}

export function authenticate(state: SbState, authorization: string | undefined, policy?: TokenPolicy): Caller {
  if (!authorization) throw unauthorized('Access token is empty.');
  const m = /^Bearer\s+(\S+)$/i.exec(authorization.trim());
  if (!m) throw unauthorized('Access token is empty.');
  const jwt = decode(m[1], policy);
  if (policy?.requireSigned && jwt.header.alg === 'none')
    throw unauthorized('IDX10504: Unable to validate signature, token does not have a signature.');
  const claims = jwt.claims;
  if (typeof claims.exp === 'number' && claims.exp * 1000 < Date.now()) {
    throw unauthorized('Lifetime validation failed, the token is expired.');
  }
  const list = (v: unknown) =>
    Array.isArray(v) ? v.map(String) : typeof v === 'string' ? v.split(/[ ,]+/).filter(Boolean) : [];
  const appId =
    typeof claims.appid === 'string'
      ? claims.appid
      : typeof claims.azp === 'string'
        ? claims.azp
        : DEFAULT_CLIENT_APP_ID;
  const oid = typeof claims.oid === 'string' ? claims.oid.toLowerCase() : undefined;
  // Entra object ids are GUIDs; any other oid (`constructor`, `__proto__`) is a forged token.
  if (claims.oid !== undefined && !(oid && GUID_RE.test(oid)))
    throw unauthorized('Access token validation failure: the oid claim is not an object id.');
  if (claims.idtyp === 'app') {
    const sp = oid ? state.servicePrincipals[oid] : undefined;
    if (!sp || !sp.accountEnabled)
      throw unauthorized('Access token validation failure: the application is not in this tenant.');
    return {
      user: appAsCaller(sp, list(claims.roles)),
      amr: [],
      acrs: [],
      appId,
      appOnly: true,
      grants: { scopes: null, roles: list(claims.roles) },
    };
  }
  const upn = typeof claims.upn === 'string' ? claims.upn.toLowerCase() : undefined;
  const user = (oid && state.users[oid]) || (upn ? userByUpn(state, upn) : undefined);
  if (!user) throw unauthorized('Access token validation failure: the user is not in this tenant.');
  return { user, amr: list(claims.amr), acrs: list(claims.acrs), appId, appOnly: false, grants: grantsOf(claims) };
}
