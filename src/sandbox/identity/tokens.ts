// Access, ID and refresh tokens the identity endpoint issues. Access tokens are RS256 JWTs signed with the tenant's
// signing key (published in the JWKS), with the claims Graph reads: tid, oid, appid/azp, scp (delegated) or roles
// (app-only), amr, acrs, idtyp, exp. Refresh tokens are opaque random strings remembered by the endpoint.
import { createHash, generateKeyPairSync, KeyObject, randomBytes } from 'node:crypto';
import { epochSeconds, publicJwk, signJwt } from './jwt';

export interface SigningKey {
  kid: string;
  privatePem: string;
  publicKey: KeyObject;
}

/** One RSA key per process: every sandbox in it signs with it (its issuer URL, with its own port, still differs). */
let processKey: SigningKey | undefined;
export function signingKey(): SigningKey {
  if (!processKey) {
    const { publicKey, privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const kid = createHash('sha256').update(publicJwk(publicKey).n).digest('base64url').slice(0, 27);
    processKey = { kid, privatePem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(), publicKey };
  }
  return processKey;
}

export function jwks(key: SigningKey): { keys: object[] } {
  return { keys: [{ ...publicJwk(key.publicKey), use: 'sig', kid: key.kid, alg: 'RS256' }] };
}

export interface UserSession {
  oid: string;
  upn: string;
  name: string;
  mfa: boolean;
  acrs: string[];
  authTime: number;
}

export interface IssueBase {
  issuer: string;
  tenantId: string;
  audience: string;
  appId: string;
  lifetimeSeconds: number;
}

/** An app-only token (client credentials): `roles`, no `scp`, `idtyp` app, the service principal as `oid`. */
export function appToken(
  key: SigningKey,
  b: IssueBase & { servicePrincipalId: string; roles: string[]; appidacr: '1' | '2' },
): string {
  const now = epochSeconds();
  return signJwt(
    { kid: key.kid },
    {
      aud: b.audience,
      iss: b.issuer,
      iat: now,
      nbf: now,
      exp: now + b.lifetimeSeconds,
      appid: b.appId,
      azp: b.appId,
      appidacr: b.appidacr,
      idp: b.issuer,
      idtyp: 'app',
      oid: b.servicePrincipalId,
      sub: b.servicePrincipalId,
      tid: b.tenantId,
      roles: b.roles,
      uti: randomBytes(16).toString('base64url'),
      ver: '2.0',
    },
    key.privatePem,
  );
}

/** A delegated token (a user signed in to a public client): `scp`, `amr`, `acrs`, `idtyp` user. */
export function userToken(key: SigningKey, b: IssueBase & { user: UserSession; scopes: string[] }): string {
  const now = epochSeconds();
  const claims: Record<string, unknown> = {
    aud: b.audience,
    iss: b.issuer,
    iat: now,
    nbf: now,
    exp: now + b.lifetimeSeconds,
    appid: b.appId,
    azp: b.appId,
    appidacr: '0',
    amr: b.user.mfa ? ['pwd', 'mfa'] : ['pwd'],
    auth_time: b.user.authTime,
    idtyp: 'user',
    name: b.user.name,
    oid: b.user.oid,
    scp: b.scopes.join(' '),
    sub: createHash('sha256').update(`${b.user.oid}|${b.appId}`).digest('base64url').slice(0, 43),
    tid: b.tenantId,
    unique_name: b.user.upn,
    upn: b.user.upn,
    uti: randomBytes(16).toString('base64url'),
    ver: '2.0',
  };
  if (b.user.acrs.length) claims.acrs = b.user.acrs;
  return signJwt({ kid: key.kid }, claims, key.privatePem);
}

/** The ID token MSAL reads for the account (it never sends it anywhere). */
export function idToken(
  key: SigningKey,
  b: { issuer: string; tenantId: string; appId: string; user: UserSession },
): string {
  const now = epochSeconds();
  return signJwt(
    { kid: key.kid },
    {
      aud: b.appId,
      iss: b.issuer,
      iat: now,
      nbf: now,
      exp: now + 3600,
      name: b.user.name,
      oid: b.user.oid,
      preferred_username: b.user.upn,
      sub: createHash('sha256').update(`${b.user.oid}|${b.appId}`).digest('base64url').slice(0, 43),
      tid: b.tenantId,
      ver: '2.0',
    },
    key.privatePem,
  );
}

/** client_info: what MSAL uses to key the account in its cache (uid.utid). */
export const clientInfo = (oid: string, tenantId: string) =>
  Buffer.from(JSON.stringify({ uid: oid, utid: tenantId })).toString('base64url');

export const opaqueToken = (prefix: string) => `${prefix}.${randomBytes(32).toString('base64url')}`;
