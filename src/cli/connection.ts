// How a command reaches a tenant: the sandbox (--sandbox URL, a token minted for --as) or a real tenant through
// @azure/identity (src/auth/identityCredential.ts, loaded only then). --sandbox with --auth signs in for real
// against the sandbox's identity endpoint (--authority-host), so the library's code runs end to end offline.
import { cachedTokenSource, sandboxTokenSource, TokenSource } from '../auth/tokenSource';
import { resolveAuthority } from '../auth/authority';
import { AUTH_METHODS, AuthMethod, identityCredential, MissingSetting } from '../auth/identityCredential';
import { signInAdvice } from '../auth/signInErrors';
import { cloudEndpoints, graphScope, isCloud } from '../graph/clouds';
import { formatLogEntry } from '../graph/log';
import { GraphTransport } from '../graph/transport';
import { ARM_GLOBAL, connectionTransport } from '../bindings/armAccess';
import { registerSecret } from '../graph/redact';
import { CliIo, UsageError } from './io';
import { bool, OptionSpecs, ParsedOptions, str } from './options';

export const CONNECTION_OPTIONS: OptionSpecs = {
  sandbox: {
    type: 'string',
    value: 'URL',
    description: 'a local sandbox tenant (pim-groups sandbox), else PIM_GROUPS_SANDBOX',
  },
  as: { type: 'string', value: 'UPN', description: 'who calls the sandbox (default admin@contoso.com)' },
  mfa: { type: 'boolean', description: 'the sandbox token says the session passed MFA' },
  acrs: { type: 'string', value: 'c1,c2', description: 'authentication contexts the sandbox token satisfies' },
  scopes: {
    type: 'string',
    value: 'A,B',
    description:
      'delegated scopes the sandbox token carries (scp; the sandbox enforces them). Default: none, full access',
  },
  auth: {
    type: 'string',
    value: 'METHOD',
    description: `${AUTH_METHODS.join(' | ')}; with --sandbox: sign in at its identity endpoint`,
  },
  tenant: { type: 'string', value: 'ID', description: 'tenant id or domain (else AZURE_TENANT_ID)' },
  'client-id': {
    type: 'string',
    value: 'ID',
    description: 'your app registration (else AZURE_CLIENT_ID); see docs/permissions.md',
  },
  cloud: { type: 'string', value: 'NAME', description: 'global | usgov | usgovdod | china (default global)' },
  'authority-host': {
    type: 'string',
    value: 'URL',
    description: "sign in at this host (else AZURE_AUTHORITY_HOST, else the cloud's)",
  },
  verbose: {
    type: 'boolean',
    description: 'log every Graph call (method, path, status, duration, request-id) to stderr',
  },
};

const SANDBOX_STEP_UP =
  'The sandbox token states what the session satisfied: add --mfa (multi-factor authentication) or --acrs CONTEXT (an authentication context, e.g. --acrs c1) and run the command again, or sign in for real with --auth device-code.';

export interface Connection {
  transport: GraphTransport;
  target: string;
}

export async function connect(p: ParsedOptions, io: CliIo): Promise<Connection> {
  const logger = bool(p, 'verbose')
    ? (e: Parameters<typeof formatLogEntry>[0]) => io.err(`graph: ${formatLogEntry(e)}`)
    : undefined;
  const sandbox = str(p, 'sandbox') ?? io.env.PIM_GROUPS_SANDBOX;
  const cloud = str(p, 'cloud') ?? 'global';
  if (!isCloud(cloud)) throw new UsageError(`--cloud must be global, usgov, usgovdod or china (got '${cloud}')`);
  if (sandbox) {
    if (!/^https?:\/\//.test(sandbox))
      throw new UsageError('--sandbox needs the sandbox URL, e.g. http://127.0.0.1:8787');
    const base = sandbox.replace(/\/+$/, '');
    if (str(p, 'auth')) {
      // Real sign-in against the sandbox: Graph at the sandbox, ARM at its /arm, each with its own token audience.
      const credential = withSignInHint(await credentialFor(p, io, cloudEndpoints(cloud).authority));
      const transport = connectionTransport({
        graphBaseUrl: base,
        credential,
        arm: { baseUrl: `${base}/arm` },
        logger,
      });
      return { transport, target: base };
    }
    const credential: TokenSource = {
      ...sandboxTokenSource({
        upn: str(p, 'as') ?? 'admin@contoso.com',
        mfa: bool(p, 'mfa'),
        acrs: str(p, 'acrs')?.split(',').filter(Boolean),
        ...(str(p, 'scopes') !== undefined ? { scopes: str(p, 'scopes')!.split(/[ ,]+/).filter(Boolean) } : {}),
      }),
      // A minted sandbox token states what the session satisfied; nobody signs in to raise it.
      stepUp: { interactive: false, advice: SANDBOX_STEP_UP },
    };
    return { transport: new GraphTransport({ baseUrl: sandbox, credential, logger }), target: base };
  }
  const endpoints = cloudEndpoints(cloud);
  const credential = withSignInHint(await credentialFor(p, io, endpoints.authority));
  const tenant = str(p, 'tenant') ?? io.env.AZURE_TENANT_ID ?? 'default';
  // Azure role bindings: ARM is another host with its own token audience (global cloud; docs/bindings.md).
  const transport = connectionTransport({
    graphBaseUrl: endpoints.graph,
    credential,
    graphScopes: [graphScope(endpoints.graph)],
    arm: cloud === 'global' ? { baseUrl: ARM_GLOBAL } : undefined,
    logger,
  });
  return { transport, target: `${endpoints.graph} tenant ${tenant}` };
}

/** A failed sign-in says what to change first (by the AADSTS code when there is one), then what the library said. */
function withSignInHint(credential: TokenSource): TokenSource {
  const inner = cachedTokenSource(credential);
  return {
    stepUp: inner.stepUp,
    async getToken(scopes, options) {
      try {
        return await inner.getToken(scopes, options);
      } catch (e) {
        const message = (e as Error).message;
        const advice =
          signInAdvice(message) ??
          'To sign in, pick a method with --auth and use an app registration that has the PIM for Groups permissions (docs/permissions.md), or use --sandbox URL.';
        throw new Error(advice ? `${advice}\n${message}` : message);
      }
    },
  };
}

async function credentialFor(p: ParsedOptions, io: CliIo, cloudAuthority: string): Promise<TokenSource> {
  const method = str(p, 'auth') ?? 'default';
  if (!(AUTH_METHODS as readonly string[]).includes(method))
    throw new UsageError(`--auth must be one of ${AUTH_METHODS.join(', ')}`);
  // Secrets read here are registered so that no log line or error message can show them.
  for (const name of ['AZURE_CLIENT_SECRET', 'AZURE_CLIENT_CERTIFICATE_PASSWORD']) registerSecret(io.env[name]);
  let authority;
  try {
    authority = resolveAuthority(cloudAuthority, str(p, 'authority-host') ?? io.env.AZURE_AUTHORITY_HOST);
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
  try {
    return await identityCredential({
      method: method as AuthMethod,
      authority,
      env: io.env,
      prompt: (m) => io.err(m),
      tenantId: str(p, 'tenant') ?? io.env.AZURE_TENANT_ID,
      clientId: str(p, 'client-id') ?? io.env.AZURE_CLIENT_ID,
    });
  } catch (e) {
    if (e instanceof MissingSetting) throw new UsageError(e.message);
    throw e;
  }
}
