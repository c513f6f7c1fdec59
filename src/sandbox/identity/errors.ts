// Token endpoint errors as Entra answers them: an OAuth error code, an AADSTS code and sentence in
// error_description followed by trace and correlation ids and a timestamp, and the numeric code in error_codes.
import { randomUUID } from 'node:crypto';

export class IdentityError extends Error {
  constructor(
    readonly status: number,
    readonly error: string,
    readonly aadsts: number,
    message: string,
    /** Entra's `suberror` (e.g. basic_action: MSAL then asks the person to sign in). */
    readonly suberror?: string,
  ) {
    super(message);
  }
}

export function errorResponse(
  e: IdentityError,
  correlationId: string = randomUUID(),
  now = new Date(),
): Record<string, unknown> {
  const traceId = randomUUID();
  const timestamp = now
    .toISOString()
    .replace('T', ' ')
    .replace(/\.\d+Z$/, 'Z');
  return {
    error: e.error,
    error_description: `AADSTS${e.aadsts}: ${e.message} Trace ID: ${traceId} Correlation ID: ${correlationId} Timestamp: ${timestamp}`,
    error_codes: [e.aadsts],
    timestamp,
    trace_id: traceId,
    correlation_id: correlationId,
    error_uri: `https://login.microsoftonline.com/error?code=${e.aadsts}`,
    ...(e.suberror ? { suberror: e.suberror } : {}),
  };
}

export const tenantNotFound = (tenant: string) =>
  new IdentityError(
    400,
    'invalid_request',
    90002,
    `Tenant '${tenant}' not found. Check to make sure you have the correct tenant ID and are signing into the correct cloud. Check with your subscription administrator, this may happen if there are no active subscriptions for the tenant.`,
  );
export const appNotFound = (appId: string, tenant: string) =>
  new IdentityError(
    400,
    'unauthorized_client',
    700016,
    `Application with identifier '${appId}' was not found in the directory '${tenant}'. This can happen if the application has not been installed by the administrator of the tenant or consented to by any user in the tenant. You may have sent your authentication request to the wrong tenant.`,
  );
export const invalidSecret = (appId: string) =>
  new IdentityError(
    401,
    'invalid_client',
    7000215,
    `Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID, for a secret added to app '${appId}'.`,
  );
export const secretExpired = (appId: string) =>
  new IdentityError(
    401,
    'invalid_client',
    7000222,
    `The provided client secret keys for app '${appId}' are expired. Visit the Azure portal to create new keys for your app: https://aka.ms/NewClientSecret, or consider using certificate credentials for added security: https://aka.ms/certCreds.`,
  );
export const noCredential = () =>
  new IdentityError(
    401,
    'invalid_client',
    7000218,
    `The request body must contain the following parameter: 'client_assertion' or 'client_secret'.`,
  );
export const assertionInvalid = (reason: string) => new IdentityError(401, 'invalid_client', 700027, reason);
export const assertionTime = (now: Date, nbf: number, exp: number) =>
  new IdentityError(
    401,
    'invalid_client',
    700024,
    `Client assertion is not within its valid time range. Current time: ${now.toISOString()}, assertion valid from ${new Date(nbf * 1000).toISOString()}, expiry time of assertion ${new Date(exp * 1000).toISOString()}. Review the documentation at https://learn.microsoft.com/entra/identity-platform/certificate-credentials .`,
  );
export const federatedIssuer = (issuer: string) =>
  new IdentityError(
    400,
    'invalid_request',
    700211,
    `No matching federated identity record found for presented assertion issuer '${issuer}'. Please check your federated identity credential Subject, Audience and Issuer against the presented assertion. https://learn.microsoft.com/entra/workload-id/workload-identity-federation`,
  );
export const federatedSubject = (subject: string) =>
  new IdentityError(
    400,
    'invalid_request',
    700213,
    `No matching federated identity record found for presented assertion subject '${subject}'. Please check your federated identity credential Subject, Audience and Issuer against the presented assertion. https://learn.microsoft.com/entra/workload-id/workload-identity-federation`,
  );
export const federatedAudience = (audience: string) =>
  new IdentityError(
    400,
    'invalid_request',
    700212,
    `No matching federated identity record found for presented assertion audience '${audience}'. Please check your federated identity credential Subject, Audience and Issuer against the presented assertion. https://learn.microsoft.com/entra/workload-id/workload-identity-federation`,
  );
export const externalOidcFailed = (issuer: string) =>
  new IdentityError(401, 'invalid_client', 50166, `Request to External OIDC endpoint failed. Issuer: '${issuer}'.`);
export const invalidScope = (scope: string) =>
  new IdentityError(
    400,
    'invalid_scope',
    1002012,
    `The provided value for scope ${scope} is not valid. Client credential flows must have a scope value with /.default suffixed to the resource identifier (application ID URI).`,
  );
export const resourceNotFound = (resource: string, tenant: string) =>
  new IdentityError(
    400,
    'invalid_resource',
    500011,
    `The resource principal named ${resource} was not found in the tenant named ${tenant}. This can happen if the application has not been installed by the administrator of the tenant or consented to by any user in the tenant. You might have sent your authentication request to the wrong tenant.`,
  );
export const noServicePrincipal = (appId: string, tenant: string) =>
  new IdentityError(
    401,
    'invalid_client',
    7000229,
    `The client application ${appId} is missing service principal in the tenant ${tenant}. See instructions here: https://go.microsoft.com/fwlink/?linkid=2225119`,
  );
export const notPublicClient = () =>
  new IdentityError(
    401,
    'invalid_client',
    7000218,
    `The request body must contain the following parameter: 'client_assertion' or 'client_secret'.`,
  );
export const authorizationPending = () =>
  new IdentityError(
    400,
    'authorization_pending',
    70016,
    'OAuth 2.0 device flow error. Authorization is pending. Continue polling.',
  );
export const deviceCodeExpired = () =>
  new IdentityError(
    400,
    'expired_token',
    70020,
    `The provided value for the input parameter 'device_code' is not valid. This device code has expired.`,
  );
export const deviceCodeDeclined = () =>
  new IdentityError(400, 'authorization_declined', 70000, 'The user declined the sign-in request.');
export const invalidGrant = (what: string) =>
  new IdentityError(400, 'invalid_grant', 70000, `The provided value for the '${what}' parameter is not valid.`);
export const refreshExpired = () =>
  new IdentityError(
    400,
    'invalid_grant',
    70043,
    'The refresh token has expired or is invalid due to sign-in frequency checks by conditional access. The token was issued on a date earlier than the date the user must sign in again.',
  );
export const unsupportedGrant = (grant: string) =>
  new IdentityError(400, 'unsupported_grant_type', 70003, `The app requested an unsupported grant type '${grant}'.`);
