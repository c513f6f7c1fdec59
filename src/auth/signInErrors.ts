// A failed sign-in in one sentence that says what to change. Entra names the problem with an AADSTS code in the
// message @azure/identity passes on; the sentence is chosen by that code, and the rest of the message (trace and
// correlation ids, which support asks for) stays below it.
const BY_CODE: Record<string, string> = {
  '7000215':
    'The client secret is wrong: set AZURE_CLIENT_SECRET to the value of a current secret of the app registration (not the secret id).',
  '7000222':
    'The client secret has expired: create a new secret for the app registration and set AZURE_CLIENT_SECRET to its value.',
  '7000218':
    'The app registration needs a credential here: pass a client secret or certificate, or allow public client flows on the app for --auth device-code.',
  '700016':
    'No app registration with this client id in this tenant: check --client-id (AZURE_CLIENT_ID) and --tenant (AZURE_TENANT_ID).',
  '7000229':
    'The app registration has no service principal in this tenant: grant admin consent in the tenant (Enterprise applications), then try again.',
  '90002':
    'The tenant was not found: check --tenant (AZURE_TENANT_ID) and --cloud (or --authority-host), which must be the cloud the tenant is in.',
  '700027':
    'The certificate is expired or not registered on the app registration: upload a current certificate to the app and point AZURE_CLIENT_CERTIFICATE_PATH at its PEM file (private key included).',
  '700024':
    "The client assertion or ID token has expired: request a fresh ID token in the same job (the pipeline's OIDC token lives a few minutes).",
  '700211':
    'No federated credential of the app registration trusts this token issuer: add a federated credential with the issuer of your pipeline (docs/pipelines.md).',
  '700213':
    'No federated credential of the app registration matches this subject: add a federated credential whose subject is the one shown here (docs/pipelines.md lists the subjects per event).',
  '700212':
    "The app's federated credential for this subject expects another audience: set its audience to api://AzureADTokenExchange, the audience of the pipeline's ID token.",
  '50166': "Entra could not fetch the token issuer's signing keys: check the federated credential's issuer URL.",
  '70043': 'The sign-in has expired: sign in again.',
  '700082': 'The sign-in has expired after a long time unused: sign in again.',
  '70020':
    'The device code expired before the sign-in was completed: run the command again and complete the sign-in within the time shown.',
  '70000': 'The sign-in was declined or is no longer valid: run the command again and complete the sign-in.',
  '500011':
    "The resource is not known in this tenant: check --cloud (and --graph-endpoint), which must match the tenant's cloud.",
};

/** MSAL's own error codes, for failures before Entra answers with an AADSTS code. */
const BY_MSAL_CODE: Record<string, string> = {
  // The authority's OpenID metadata could not be read: Entra answers it with 400 for a tenant it does not know.
  expired_token:
    'The device code expired before the sign-in was completed: run the command again and complete the sign-in within the time shown.',
  authorization_declined: 'The sign-in was declined: run the command again and accept the sign-in request.',
  endpoints_resolution_error:
    'The sign-in authority could not be read for this tenant: check --tenant (AZURE_TENANT_ID) and --cloud or --authority-host, which must be the cloud the tenant is in.',
};

/** Messages that already say what to change (the pipelines' token requests): nothing to add. */
const SELF_EXPLAINED = [/GitHub did not give this job an ID token/, /GitHub refused the ID token request/];

export function signInAdvice(message: string): string | undefined {
  if (SELF_EXPLAINED.some((re) => re.test(message))) return '';
  const code = /AADSTS(\d+)/.exec(message)?.[1];
  if (code) return BY_CODE[code];
  const msal = Object.keys(BY_MSAL_CODE).find((k) => message.includes(k));
  return msal ? BY_MSAL_CODE[msal] : undefined;
}
