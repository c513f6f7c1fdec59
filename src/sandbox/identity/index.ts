// The sandbox's identity endpoint as a library: startIdentity() serves an Entra-like token service over HTTPS on
// 127.0.0.1 with a certificate made at start, so @azure/identity and MSAL run unmodified against the sandbox
// (authority host = `identity.url`, instance discovery off, the CA in NODE_EXTRA_CA_CERTS). See docs/sandbox.md.
import * as fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import type { SbState } from '../types';
import { localServerTls, ServerTls } from './certificates';
import { createIdentityServer } from './server';
import { IdentityService } from './service';
import { signingKey } from './tokens';
import { acceptedAudiences, ResourceKind } from './resources';
import type { SignedTokenCheck } from './verify';

export type { IdentityService } from './service';
export { issueCertificate } from './certificates';
export { SANDBOX_SECRETS } from './registrations';

export interface IdentityEndpoint {
  /** The authority host, e.g. https://127.0.0.1:PORT (tenants below it: /{tenant}/oauth2/v2.0/token). */
  url: string;
  /** PEM of the CA that signed the endpoint's certificate (also written to `caFile` when one was given). */
  caPem: string;
  caFile?: string;
  /** TLS key and certificate for 127.0.0.1 signed by the same CA: stand-ins (GitHub, Azure DevOps) may serve with it. */
  serverTls: { certPem: string; keyPem: string };
  service: IdentityService;
  /** What the Graph (or ARM) face checks in a signed token. */
  check(kind: ResourceKind): SignedTokenCheck;
  close(): Promise<void>;
}

/** TLS material per process: RSA key generation is the slow part of a start, and every sandbox may share it. */
let processTls: ServerTls | undefined;

export async function startIdentity(opts: {
  state: () => SbState;
  graphUrl: () => string;
  caFile?: string;
  port?: number;
}): Promise<IdentityEndpoint> {
  const tls = processTls ?? (processTls = localServerTls());
  const key = signingKey();
  const service = new IdentityService(opts.state, opts.graphUrl, key, tls.ca.certPem);
  const server = createIdentityServer(service, tls.server);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, '127.0.0.1', () => resolve());
  });
  service.url = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;
  if (opts.caFile) fs.writeFileSync(opts.caFile, tls.ca.certPem);
  return {
    url: service.url,
    caPem: tls.ca.certPem,
    caFile: opts.caFile,
    serverTls: tls.server,
    service,
    check: (kind) => ({
      key,
      issuer: service.issuer(opts.state().tenant.id),
      audiences: acceptedAudiences(kind, opts.graphUrl()),
    }),
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
