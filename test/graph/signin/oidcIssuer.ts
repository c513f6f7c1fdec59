// A local OIDC token issuer standing in for GitHub's (token.actions.githubusercontent.com) or Azure DevOps'
// (vstoken.dev.azure.com): HTTPS on 127.0.0.1 with the sandbox's certificate, OpenID discovery and a JWKS, so the
// sandbox's identity endpoint verifies its tokens as Entra verifies a federated credential's issuer. Extra routes
// serve the pipeline's token request endpoint.
import { generateKeyPairSync, sign } from 'node:crypto';
import * as https from 'node:https';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Issuer {
  url: string;
  /** An RS256 token from this issuer, valid for ten minutes unless the claims say otherwise. */
  token(claims: Record<string, unknown>): string;
  requests: { method: string; url: string; authorization?: string }[];
  close(): Promise<void>;
}

export type ExtraRoute = (req: IncomingMessage, res: ServerResponse, body: string, issuer: Issuer) => boolean;

export async function startIssuer(tls: { certPem: string; keyPem: string }, extra?: ExtraRoute): Promise<Issuer> {
  const { publicKey, privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const jwk = publicKey.export({ format: 'jwk' });
  const kid = 'stand-in-key-1';
  const requests: Issuer['requests'] = [];
  const b64 = (v: object) => Buffer.from(JSON.stringify(v)).toString('base64url');
  const issuer: Issuer = {
    url: '',
    requests,
    token(claims) {
      const now = Math.floor(Date.now() / 1000);
      const input = `${b64({ alg: 'RS256', typ: 'JWT', kid })}.${b64({ iss: issuer.url, iat: now, nbf: now, exp: now + 600, ...claims })}`;
      return `${input}.${sign('sha256', Buffer.from(input), privateKey).toString('base64url')}`;
    },
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
  const server = https.createServer({ cert: tls.certPem, key: tls.keyPem }, (req, res) => {
    requests.push({ method: req.method ?? 'GET', url: req.url ?? '/', authorization: req.headers.authorization });
    let body = '';
    req.on('data', (d: Buffer) => {
      body += d.toString();
    });
    req.on('end', () => {
      if (extra?.(req, res, body, issuer)) return;
      const send = (body: unknown) => {
        res.writeHead(200, { 'Content-Type': 'application/json' });
        res.end(JSON.stringify(body));
      };
      if (req.url === '/.well-known/openid-configuration')
        send({ issuer: issuer.url, jwks_uri: `${issuer.url}/keys`, id_token_signing_alg_values_supported: ['RS256'] });
      else if (req.url === '/keys') send({ keys: [{ ...jwk, kid, use: 'sig', alg: 'RS256' }] });
      else {
        res.writeHead(404);
        res.end();
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  issuer.url = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return issuer;
}
