// JSON Web Tokens as Entra signs them (RS256 with a `kid` naming a key of the tenant's JWKS) and as clients sign
// their assertions (RS256 with x5t, PS256 with x5t#S256: MSAL uses PS256 when it knows the SHA-256 thumbprint).
import { constants, createPrivateKey, createPublicKey, KeyObject, sign, verify } from 'node:crypto';

export type Claims = Record<string, unknown>;
export interface DecodedJwt {
  header: Claims;
  claims: Claims;
  signingInput: string;
  signature: Buffer;
}

const b64url = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');

export function signJwt(header: Claims, claims: Claims, privateKeyPem: string): string {
  const input = `${b64url({ typ: 'JWT', ...header, alg: 'RS256' })}.${b64url(claims)}`;
  return `${input}.${sign('sha256', Buffer.from(input), createPrivateKey(privateKeyPem)).toString('base64url')}`;
}

/** Splits and parses a compact JWT; undefined when it is not one. */
export function decodeJwt(token: string): DecodedJwt | undefined {
  const parts = token.split('.');
  if (parts.length !== 3) return undefined;
  try {
    const header = JSON.parse(Buffer.from(parts[0], 'base64url').toString('utf8')) as Claims;
    const claims = JSON.parse(Buffer.from(parts[1], 'base64url').toString('utf8')) as Claims;
    if (!header || typeof header !== 'object' || !claims || typeof claims !== 'object') return undefined;
    return { header, claims, signingInput: `${parts[0]}.${parts[1]}`, signature: Buffer.from(parts[2], 'base64url') };
  } catch {
    return undefined;
  }
}

/** Checks an RS256 or PS256 signature with a public key (PEM, certificate PEM or KeyObject). */
export function verifySignature(jwt: DecodedJwt, key: string | KeyObject): boolean {
  const publicKey = typeof key === 'string' ? createPublicKey(key) : key;
  const data = Buffer.from(jwt.signingInput);
  if (jwt.header.alg === 'RS256') return verify('sha256', data, publicKey, jwt.signature);
  if (jwt.header.alg === 'PS256') {
    return verify(
      'sha256',
      data,
      { key: publicKey, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: constants.RSA_PSS_SALTLEN_DIGEST },
      jwt.signature,
    );
  }
  return false;
}

/** A JWK (kty RSA) from a public key, as a JWKS lists it. */
export function publicJwk(publicKey: KeyObject): { kty: string; n: string; e: string } {
  const jwk = publicKey.export({ format: 'jwk' }) as { kty: string; n: string; e: string };
  return { kty: jwk.kty, n: jwk.n, e: jwk.e };
}

/** Seconds since the epoch, as `exp`, `nbf` and `iat` count. */
export const epochSeconds = (ms = Date.now()) => Math.floor(ms / 1000);
