// How a confidential client proves who it is at the token endpoint: a client secret, a certificate assertion
// (a JWT the app signs with a registered certificate's key; x5t / x5t#S256 names the certificate), or a federated
// assertion (a token from another issuer, e.g. GitHub's or Azure DevOps' OIDC token, matched against the app's
// federated identity credentials by issuer, subject and audience, its signature checked with the issuer's JWKS).
import { createHash, createPublicKey, timingSafeEqual } from 'node:crypto';
import * as https from 'node:https';
import type { AppRegistration } from './registrations';
import { decodeJwt, DecodedJwt, epochSeconds, verifySignature } from './jwt';
import * as err from './errors';

export const JWT_BEARER = 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer';
/** Clock skew Entra tolerates on assertion times (UNCONFIRMED: five minutes, as for tokens). */
const SKEW_SECONDS = 300;

export type ClientProof = 'secret' | 'certificate' | 'federated';

export interface ClientAuthContext {
  app: AppRegistration;
  form: URLSearchParams;
  /** The token endpoint's URL: the `aud` a certificate assertion must name. */
  tokenEndpoint: string;
  /** Fetches an issuer's JWKS (over HTTPS, trusting the sandbox's CA). */
  fetchJson: (url: string) => Promise<unknown>;
  now: Date;
}

export async function authenticateClient(c: ClientAuthContext): Promise<ClientProof> {
  const secret = c.form.get('client_secret');
  const assertion = c.form.get('client_assertion');
  if (secret !== null) {
    checkSecret(c.app, secret, c.now);
    return 'secret';
  }
  if (assertion === null || c.form.get('client_assertion_type') !== JWT_BEARER) throw err.noCredential();
  const jwt = decodeJwt(assertion);
  if (!jwt) throw err.assertionInvalid('Client assertion is not a well-formed JWT.');
  if (jwt.claims.iss === c.app.appId && jwt.claims.sub === c.app.appId) {
    checkCertificateAssertion(c, jwt);
    return 'certificate';
  }
  await checkFederatedAssertion(c, jwt);
  return 'federated';
}

function checkSecret(app: AppRegistration, secret: string, now: Date): void {
  const digest = (s: string) => createHash('sha256').update(s).digest();
  const match = app.secrets.find((s) => timingSafeEqual(digest(s.value), digest(secret)));
  if (!match) throw err.invalidSecret(app.appId);
  if (Date.parse(match.endDateTime) < now.getTime()) throw err.secretExpired(app.appId);
}

function checkTimes(jwt: DecodedJwt, now: Date): void {
  const exp = Number(jwt.claims.exp),
    nbf = Number(jwt.claims.nbf ?? jwt.claims.iat ?? 0);
  const t = epochSeconds(now.getTime());
  if (!Number.isFinite(exp) || exp + SKEW_SECONDS < t || nbf - SKEW_SECONDS > t) throw err.assertionTime(now, nbf, exp);
}

function checkCertificateAssertion(c: ClientAuthContext, jwt: DecodedJwt): void {
  const x5t = jwt.header['x5t#S256'] ?? jwt.header.x5t;
  const thumbprint = typeof x5t === 'string' ? Buffer.from(x5t, 'base64url').toString('hex').toUpperCase() : '';
  const cert = c.app.certificates.find((k) => k.thumbprintSha1 === thumbprint || k.thumbprintSha256 === thumbprint);
  const reason = (why: string) =>
    err.assertionInvalid(
      `The certificate with identifier used to sign the client assertion is ${why} on application. [Reason - The key ${why === 'expired' ? 'used is expired' : 'was not found'}., Thumbprint of key used by client: '${thumbprint}', Please visit the Azure Portal, Graph Explorer or directly use MS Graph to see configured keys for app Id '${c.app.appId}'.]`,
    );
  if (!cert) throw reason('not registered');
  if (Date.parse(cert.endDateTime) < c.now.getTime() || Date.parse(cert.startDateTime) > c.now.getTime())
    throw reason('expired');
  if (!verifySignature(jwt, cert.certPem)) throw err.assertionInvalid('Client assertion failed signature validation.');
  const aud = jwt.claims.aud;
  // UNCONFIRMED: the exact code Entra gives for a certificate assertion addressed to another token endpoint.
  if (aud !== c.tokenEndpoint && !(Array.isArray(aud) && aud.includes(c.tokenEndpoint))) {
    throw err.assertionInvalid(
      `Client assertion audience claim does not match Realm issuer. Expected '${c.tokenEndpoint}'.`,
    );
  }
  checkTimes(jwt, c.now);
}

async function checkFederatedAssertion(c: ClientAuthContext, jwt: DecodedJwt): Promise<void> {
  const { iss, sub } = jwt.claims;
  const auds = ([] as unknown[]).concat(jwt.claims.aud ?? []).map(String);
  const byIssuer = c.app.federatedCredentials.filter((f) => f.issuer === iss);
  if (!byIssuer.length) throw err.federatedIssuer(String(iss));
  const bySubject = byIssuer.filter((f) => f.subject === sub);
  if (!bySubject.length) throw err.federatedSubject(String(sub));
  if (!bySubject.some((f) => f.audiences.some((a) => auds.includes(a)))) throw err.federatedAudience(auds.join(', '));
  checkTimes(jwt, c.now);
  const keys = await issuerKeys(c, String(iss));
  const key =
    keys.find((k) => k.kid === jwt.header.kid) ?? (keys.length === 1 && !jwt.header.kid ? keys[0] : undefined);
  if (!key || !verifySignature(jwt, toPublicKey(key)))
    throw err.assertionInvalid('Client assertion failed signature validation.');
}

interface Jwk {
  kid?: string;
  kty: string;
  n: string;
  e: string;
}

/** OpenID discovery of the issuer, then its JWKS, as Entra does for a federated credential. */
async function issuerKeys(c: ClientAuthContext, issuer: string): Promise<Jwk[]> {
  try {
    const config = (await c.fetchJson(`${issuer.replace(/\/+$/, '')}/.well-known/openid-configuration`)) as {
      jwks_uri?: string;
    };
    if (typeof config?.jwks_uri !== 'string') throw new Error('no jwks_uri');
    const set = (await c.fetchJson(config.jwks_uri)) as { keys?: Jwk[] };
    return Array.isArray(set?.keys) ? set.keys.filter((k) => k.kty === 'RSA') : [];
  } catch {
    throw err.externalOidcFailed(issuer);
  }
}

function toPublicKey(jwk: Jwk) {
  return createPublicKey({ key: { kty: 'RSA', n: jwk.n, e: jwk.e }, format: 'jwk' });
}

/** GET a JSON document over HTTPS from 127.0.0.1 only (the sandbox has no network), trusting `ca`. */
export function localJsonFetcher(ca: string): (url: string) => Promise<unknown> {
  return (url) =>
    new Promise((resolve, reject) => {
      const u = new URL(url);
      if (u.protocol !== 'https:' || !['127.0.0.1', 'localhost'].includes(u.hostname)) {
        reject(new Error(`not reachable from the sandbox: ${u.origin}`));
        return;
      }
      https
        .get(u, { ca, timeout: 10_000 }, (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (d: Buffer) => chunks.push(d));
          res.on('end', () => {
            if (res.statusCode !== 200) {
              reject(new Error(`HTTP ${res.statusCode}`));
              return;
            }
            try {
              resolve(JSON.parse(Buffer.concat(chunks).toString('utf8')));
            } catch (e) {
              reject(e as Error);
            }
          });
        })
        .on('error', reject)
        .on('timeout', function (this: import('node:http').ClientRequest) {
          this.destroy(new Error('timeout'));
        });
    });
}
