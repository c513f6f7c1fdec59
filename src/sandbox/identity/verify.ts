// How the Graph and ARM faces check a signed token, as the services do: the signature with a key of the tenant's
// JWKS (named by `kid`), the issuer (this tenant at this identity endpoint), the audience (this face), and the
// lifetime (real time, five minutes of skew). Which permissions the token carries (scp / roles) is checked elsewhere.
import type { DecodedJwt } from './jwt';
import { epochSeconds, verifySignature } from './jwt';
import type { SigningKey } from './tokens';

const SKEW_SECONDS = 300;

export interface SignedTokenCheck {
  key: SigningKey;
  issuer: string;
  audiences: string[];
}

/** The 401 message of the first check that fails, or undefined when the token is good. */
export function signedTokenProblem(jwt: DecodedJwt, check: SignedTokenCheck): string | undefined {
  if (jwt.header.alg !== 'RS256')
    return `IDX10511: Signature validation failed. The algorithm '${String(jwt.header.alg)}' is not supported.`;
  if (jwt.header.kid !== check.key.kid)
    return `IDX10503: Signature validation failed. The token's kid is missing or not found. Keys tried: '${check.key.kid}'.`;
  if (!verifySignature(jwt, check.key.publicKey)) return 'IDX10511: Signature validation failed.';
  if (jwt.claims.iss !== check.issuer)
    return `IDX10205: Issuer validation failed. Issuer: '${String(jwt.claims.iss)}'. Did not match: validationParameters.ValidIssuer: '${check.issuer}'.`;
  const auds = ([] as unknown[]).concat(jwt.claims.aud ?? []).map(String);
  if (!auds.some((a) => check.audiences.includes(a))) return `Invalid audience: '${auds.join(', ')}'.`;
  const now = epochSeconds();
  if (typeof jwt.claims.exp !== 'number' || jwt.claims.exp + SKEW_SECONDS < now)
    return 'Lifetime validation failed, the token is expired.';
  if (typeof jwt.claims.nbf === 'number' && jwt.claims.nbf - SKEW_SECONDS > now)
    return 'Lifetime validation failed, the token is not yet valid.';
  return undefined;
}
