// How a command reaches a tenant: the sandbox (--sandbox URL, a token minted for --as) or a real tenant through
// @azure/identity (loaded only then). Environment variables are the ones @azure/identity documents
// (AZURE_TENANT_ID, AZURE_CLIENT_ID, AZURE_CLIENT_SECRET, AZURE_CLIENT_CERTIFICATE_PATH, AZURE_FEDERATED_TOKEN_FILE…).
import { sandboxTokenSource, TokenSource } from '../auth/tokenSource';
import { cloudEndpoints, graphScope, isCloud } from '../graph/clouds';
import { formatLogEntry } from '../graph/log';
import { GraphTransport } from '../graph/transport';
import { ARM_GLOBAL, armScope, registerArmTransport } from '../bindings/armAccess';
import { registerSecret } from '../graph/redact';
import { CliIo, UsageError } from './io';
import { bool, OptionSpecs, ParsedOptions, str } from './options';

export const CONNECTION_OPTIONS: OptionSpecs = {
  sandbox: { type: 'string', value: 'URL', description: 'a local sandbox tenant (pim-groups sandbox), else PIM_GROUPS_SANDBOX' },
  as: { type: 'string', value: 'UPN', description: 'who calls the sandbox (default admin@contoso.com)' },
  mfa: { type: 'boolean', description: 'the sandbox token says the session passed MFA' },
  acrs: { type: 'string', value: 'c1,c2', description: 'authentication contexts the sandbox token satisfies' },
  auth: { type: 'string', value: 'METHOD', description: 'default | azure-cli | device-code | client-secret | certificate | workload-identity' },
  tenant: { type: 'string', value: 'ID', description: 'tenant id or domain (else AZURE_TENANT_ID)' },
  'client-id': { type: 'string', value: 'ID', description: 'your app registration (else AZURE_CLIENT_ID); see docs/permissions.md' },
  cloud: { type: 'string', value: 'NAME', description: 'global | usgov | usgovdod | china (default global)' },
  verbose: { type: 'boolean', description: 'log every Graph call (method, path, status, duration, request-id) to stderr' },
};

export interface Connection { transport: GraphTransport; target: string }

const AUTH_METHODS = ['default', 'azure-cli', 'device-code', 'client-secret', 'certificate', 'workload-identity'];

export async function connect(p: ParsedOptions, io: CliIo): Promise<Connection> {
  const logger = bool(p, 'verbose') ? (e: Parameters<typeof formatLogEntry>[0]) => io.err(`graph: ${formatLogEntry(e)}`) : undefined;
  const sandbox = str(p, 'sandbox') ?? io.env.PIM_GROUPS_SANDBOX;
  if (sandbox) {
    if (!/^https?:\/\//.test(sandbox)) throw new UsageError('--sandbox needs the sandbox URL, e.g. http://127.0.0.1:8787');
    const credential = sandboxTokenSource({ upn: str(p, 'as') ?? 'admin@contoso.com', mfa: bool(p, 'mfa'), acrs: str(p, 'acrs')?.split(',').filter(Boolean) });
    return { transport: new GraphTransport({ baseUrl: sandbox, credential, logger }), target: sandbox.replace(/\/+$/, '') };
  }
  const cloud = str(p, 'cloud') ?? 'global';
  if (!isCloud(cloud)) throw new UsageError(`--cloud must be global, usgov, usgovdod or china (got '${cloud}')`);
  const endpoints = cloudEndpoints(cloud);
  const credential = withSignInHint(await identityCredential(p, io, endpoints.authority));
  const tenant = str(p, 'tenant') ?? io.env.AZURE_TENANT_ID ?? 'default';
  const transport = new GraphTransport({ baseUrl: endpoints.graph, credential, scopes: [graphScope(endpoints.graph)], logger });
  // Azure role bindings: ARM is another host with its own token audience (global cloud; docs/bindings.md).
  if (cloud === 'global') registerArmTransport(transport, new GraphTransport({ baseUrl: ARM_GLOBAL, credential, scopes: [armScope()], logger }));
  return { transport, target: `${endpoints.graph} tenant ${tenant}` };
}

/** A failed sign-in says what to do next, not only what each credential in a chain tried. */
function withSignInHint(inner: TokenSource): TokenSource {
  return {
    async getToken(scopes, options) {
      try { return await inner.getToken(scopes, options); } catch (e) {
        throw new Error(`${(e as Error).message}\nTo sign in, pick a method with --auth and use an app registration that has the PIM for Groups permissions (docs/permissions.md), or use --sandbox URL.`);
      }
    },
  };
}

async function identityCredential(p: ParsedOptions, io: CliIo, authorityHost: string): Promise<TokenSource> {
  const method = str(p, 'auth') ?? 'default';
  if (!AUTH_METHODS.includes(method)) throw new UsageError(`--auth must be one of ${AUTH_METHODS.join(', ')}`);
  const tenantId = str(p, 'tenant') ?? io.env.AZURE_TENANT_ID;
  const clientId = str(p, 'client-id') ?? io.env.AZURE_CLIENT_ID;
  const need = (value: string | undefined, what: string) => { if (!value) throw new UsageError(`--auth ${method} needs ${what}`); return value; };
  // Secrets read here are registered so that no log line or error message can show them.
  for (const name of ['AZURE_CLIENT_SECRET', 'AZURE_CLIENT_CERTIFICATE_PASSWORD']) registerSecret(io.env[name]);
  const identity = await import('@azure/identity');
  switch (method) {
    case 'azure-cli':
      // Works only with an app that has the PIM for Groups scopes; the Azure CLI's own app cannot get them.
      return new identity.AzureCliCredential({ tenantId });
    case 'device-code':
      return new identity.DeviceCodeCredential({ tenantId, clientId: need(clientId, '--client-id (your app registration)'), authorityHost, userPromptCallback: (info) => io.err(info.message) });
    case 'client-secret':
      return new identity.ClientSecretCredential(need(tenantId, '--tenant'), need(clientId, '--client-id'), need(io.env.AZURE_CLIENT_SECRET, 'AZURE_CLIENT_SECRET in the environment'), { authorityHost });
    case 'certificate':
      return new identity.ClientCertificateCredential(need(tenantId, '--tenant'), need(clientId, '--client-id'),
        { certificatePath: need(io.env.AZURE_CLIENT_CERTIFICATE_PATH, 'AZURE_CLIENT_CERTIFICATE_PATH in the environment'), certificatePassword: io.env.AZURE_CLIENT_CERTIFICATE_PASSWORD }, { authorityHost });
    case 'workload-identity':
      return new identity.WorkloadIdentityCredential({ tenantId, clientId, tokenFilePath: io.env.AZURE_FEDERATED_TOKEN_FILE, authorityHost });
    default:
      return new identity.DefaultAzureCredential({ tenantId, managedIdentityClientId: clientId, authorityHost });
  }
}
