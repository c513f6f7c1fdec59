// Real sign-in through @azure/identity (loaded only here, only then). Each --auth method maps to the library's own
// credential, configured with the authority host and, for a non-Microsoft host, instance discovery off. Environment
// variables are the ones @azure/identity documents (AZURE_TENANT_ID, AZURE_CLIENT_ID, AZURE_CLIENT_SECRET,
// AZURE_CLIENT_CERTIFICATE_PATH, AZURE_FEDERATED_TOKEN_FILE) plus the pipelines' own OIDC request endpoints.
import type { StepUpSupport, TokenSource } from './tokenSource';
import type { Authority } from './authority';
import { githubIdToken, NO_ID_TOKEN } from './githubOidc';

export const AUTH_METHODS = [
  'default',
  'azure-cli',
  'device-code',
  'client-secret',
  'certificate',
  'workload-identity',
  'github-actions',
  'azure-pipelines',
] as const;
export type AuthMethod = (typeof AUTH_METHODS)[number];

export interface IdentityRequest {
  method: AuthMethod;
  tenantId?: string;
  clientId?: string;
  authority: Authority;
  env: Record<string, string | undefined>;
  /** Shows the device code sign-in instructions (stderr for the CLI). */
  prompt: (message: string) => void;
}

export class MissingSetting extends Error {}

/** What each method can do when Graph asks for more (MFA, an authentication context): see StepUpSupport. */
export function stepUpSupportOf(method: AuthMethod): StepUpSupport {
  switch (method) {
    case 'device-code':
      return { interactive: true };
    case 'azure-cli':
      return {
        interactive: false,
        advice:
          'The Azure CLI signs in on its own: run `az login` again completing the prompt it shows for the claims challenge (az login --claims-challenge with the value Microsoft Graph sent), or use --auth device-code, which pim-groups steps up itself.',
      };
    case 'default':
      return {
        interactive: false,
        advice:
          'The default credential never asks a person: use --auth device-code, which signs you in and asks for the step-up when the service wants it.',
      };
    default:
      return {
        interactive: false,
        advice:
          "An app signing in as itself (a secret, certificate or federated credential) cannot pass MFA or an authentication context, and activation is a person's own request: sign in as yourself with --auth device-code.",
      };
  }
}

export async function identityCredential(r: IdentityRequest): Promise<TokenSource> {
  const credential = await libraryCredential(r);
  // The library's credentials take `claims` in getToken (a silent attempt first, then the sign-in itself).
  return { getToken: (scopes, options) => credential.getToken(scopes, options), stepUp: stepUpSupportOf(r.method) };
}

async function libraryCredential(r: IdentityRequest): Promise<TokenSource> {
  const need = (value: string | undefined, what: string) => {
    if (!value) throw new MissingSetting(`--auth ${r.method} needs ${what}`);
    return value;
  };
  const identity = await import('@azure/identity');
  const common = { authorityHost: r.authority.host, disableInstanceDiscovery: r.authority.disableInstanceDiscovery };
  const { tenantId, clientId, env } = r;
  switch (r.method) {
    case 'azure-cli':
      // Works only with an app that has the PIM for Groups scopes; the Azure CLI's own app cannot get them.
      return new identity.AzureCliCredential({ tenantId });
    case 'device-code':
      return new identity.DeviceCodeCredential({
        ...common,
        tenantId,
        clientId: need(clientId, '--client-id (your app registration)'),
        userPromptCallback: (info) => r.prompt(info.message),
      });
    case 'client-secret':
      return new identity.ClientSecretCredential(
        need(tenantId, '--tenant'),
        need(clientId, '--client-id'),
        need(env.AZURE_CLIENT_SECRET, 'AZURE_CLIENT_SECRET in the environment'),
        common,
      );
    case 'certificate':
      return new identity.ClientCertificateCredential(
        need(tenantId, '--tenant'),
        need(clientId, '--client-id'),
        {
          certificatePath: need(env.AZURE_CLIENT_CERTIFICATE_PATH, 'AZURE_CLIENT_CERTIFICATE_PATH in the environment'),
          certificatePassword: env.AZURE_CLIENT_CERTIFICATE_PASSWORD,
        },
        common,
      );
    case 'workload-identity':
      // Kubernetes (and any runner that writes the federated token to a file): AZURE_FEDERATED_TOKEN_FILE.
      return new identity.WorkloadIdentityCredential({
        ...common,
        tenantId,
        clientId,
        tokenFilePath: need(
          env.AZURE_FEDERATED_TOKEN_FILE,
          'AZURE_FEDERATED_TOKEN_FILE in the environment (on GitHub Actions use --auth github-actions)',
        ),
      });
    case 'github-actions':
      // GitHub's runner has no token file: the job asks its ID-token endpoint (needs `permissions: id-token: write`).
      if (!env.ACTIONS_ID_TOKEN_REQUEST_URL || !env.ACTIONS_ID_TOKEN_REQUEST_TOKEN)
        throw new MissingSetting(NO_ID_TOKEN);
      return new identity.ClientAssertionCredential(
        need(tenantId, '--tenant'),
        need(clientId, '--client-id'),
        () => githubIdToken(env),
        common,
      );
    case 'azure-pipelines':
      // A workload-identity service connection: the job's OIDC token from SYSTEM_OIDCREQUESTURI, with System.AccessToken.
      return new identity.AzurePipelinesCredential(
        need(tenantId, '--tenant'),
        need(clientId, '--client-id'),
        need(
          env.AZURESUBSCRIPTION_SERVICE_CONNECTION_ID ?? env.PIM_GROUPS_SERVICE_CONNECTION_ID,
          'PIM_GROUPS_SERVICE_CONNECTION_ID (the service connection id)',
        ),
        need(env.SYSTEM_ACCESSTOKEN, "SYSTEM_ACCESSTOKEN (map $(System.AccessToken) into the step's env)"),
        common,
      );
    default:
      return new identity.DefaultAzureCredential({ ...common, tenantId, managedIdentityClientId: clientId });
  }
}
