// The token endpoint (/{tenant}/oauth2/v2.0/token) and the device authorization endpoint (/devicecode): the
// grants the CLI's credentials use. Client credentials (secret, certificate or federated assertion), device code
// (with authorization_pending / expired_token while polling), and refresh tokens.
import type { IdentityService } from './service';
import { authenticateClient, localJsonFetcher } from './clientAuth';
import { resolveResource, Resource } from './resources';
import { appToken, clientInfo, idToken, opaqueToken, userToken, UserSession } from './tokens';
import * as err from './errors';
import { claimsAsked, interactionRequired, satisfies } from './claimsRequest';

export interface TokenAnswer {
  status: number;
  body: Record<string, unknown>;
  /** A person's token: the authentication contexts it carries, for the log. */
  acrs?: string[];
}

const scopesOf = (form: URLSearchParams) => (form.get('scope') ?? '').split(/\s+/).filter(Boolean);

function resourceFor(svc: IdentityService, scopes: string[], tenantId: string): Resource {
  const r = resolveResource(scopes, svc.graphUrl());
  if (!r) throw err.invalidScope(scopes.join(' '));
  if ('unknown' in r) throw err.resourceNotFound(r.unknown, tenantId);
  return r;
}

export async function tokenGrant(
  svc: IdentityService,
  tenantSegment: string,
  form: URLSearchParams,
): Promise<TokenAnswer> {
  const grant = form.get('grant_type') ?? '';
  const appId = form.get('client_id') ?? '';
  try {
    const answer = await grantFor(svc, grant, tenantSegment, form);
    svc.record('token', grant, appId, 'issued', answer.acrs);
    return answer;
  } catch (e) {
    if (!(e instanceof err.IdentityError)) throw e;
    svc.record('token', grant, appId, `AADSTS${e.aadsts}`);
    return { status: e.status, body: err.errorResponse(e, form.get('client-request-id') ?? undefined) };
  }
}

async function grantFor(
  svc: IdentityService,
  grant: string,
  tenantSegment: string,
  form: URLSearchParams,
): Promise<TokenAnswer> {
  switch (grant) {
    case 'client_credentials':
      return clientCredentials(svc, tenantSegment, form);
    // RFC 8628's name, and the short one MSAL sends (Entra accepts both).
    case 'urn:ietf:params:oauth:grant-type:device_code':
    case 'device_code':
      return deviceCodeRedeem(svc, tenantSegment, form);
    case 'refresh_token':
      return refresh(svc, tenantSegment, form);
    default:
      throw err.unsupportedGrant(grant);
  }
}

async function clientCredentials(
  svc: IdentityService,
  tenantSegment: string,
  form: URLSearchParams,
): Promise<TokenAnswer> {
  const tenant = svc.tenantOf(tenantSegment, false);
  const app = svc.app(form.get('client_id'), tenant);
  const scopes = scopesOf(form);
  if (scopes.length !== 1 || !scopes[0].endsWith('/.default')) throw err.invalidScope(scopes.join(' '));
  const proof = await authenticateClient({
    app,
    form,
    now: new Date(),
    fetchJson: localJsonFetcher(svc.caPem),
    tokenEndpoint: `${svc.url}/${tenantSegment}/oauth2/v2.0/token`,
  });
  svc.requireServicePrincipal(app, tenant);
  const resource = resourceFor(svc, scopes, tenant.id);
  const lifetime = svc.settings.accessTokenLifetimeSeconds;
  const token = appToken(svc.key, {
    issuer: svc.issuer(tenant.id),
    tenantId: tenant.id,
    audience: resource.audience,
    appId: app.appId,
    lifetimeSeconds: lifetime,
    servicePrincipalId: app.servicePrincipalId,
    roles: resource.kind === 'graph' ? app.applicationPermissions : [],
    appidacr: proof === 'secret' ? '1' : '2',
  });
  return {
    status: 200,
    body: { token_type: 'Bearer', expires_in: lifetime, ext_expires_in: lifetime, access_token: token },
  };
}

export function deviceAuthorization(svc: IdentityService, tenantSegment: string, form: URLSearchParams): TokenAnswer {
  const appId = form.get('client_id') ?? '';
  try {
    const tenant = svc.tenantOf(tenantSegment, true);
    const app = svc.app(appId, tenant);
    if (!app.isPublicClient) throw err.notPublicClient();
    const entry = svc.newDeviceCode(app.appId, scopesOf(form), claimsAsked(form.get('claims')));
    const verification = `${svc.url}/devicelogin`;
    svc.record('devicecode', 'device_code', appId, 'issued');
    return {
      status: 200,
      body: {
        user_code: entry.userCode,
        device_code: entry.deviceCode,
        verification_uri: verification,
        expires_in: svc.settings.deviceCodeLifetimeSeconds,
        interval: svc.settings.deviceCodeIntervalSeconds,
        message: `To sign in, use a web browser to open the page ${verification} and enter the code ${entry.userCode} to authenticate.`,
      },
    };
  } catch (e) {
    if (!(e instanceof err.IdentityError)) throw e;
    svc.record('devicecode', 'device_code', appId, `AADSTS${e.aadsts}`);
    return { status: e.status, body: err.errorResponse(e) };
  }
}

function deviceCodeRedeem(svc: IdentityService, tenantSegment: string, form: URLSearchParams): TokenAnswer {
  const tenant = svc.tenantOf(tenantSegment, true);
  const app = svc.app(form.get('client_id'), tenant);
  const entry = svc.deviceCodes.get(form.get('device_code') ?? '');
  if (!entry || entry.appId !== app.appId || entry.status === 'redeemed') throw err.invalidGrant('device_code');
  if (entry.expiresAt < Date.now()) throw err.deviceCodeExpired();
  if (entry.status === 'declined') throw err.deviceCodeDeclined();
  if (entry.status === 'pending' || !entry.user) throw err.authorizationPending();
  entry.status = 'redeemed';
  return userTokens(svc, tenant.id, app.appId, entry.user, scopesOf(form).length ? scopesOf(form) : entry.scopes);
}

function refresh(svc: IdentityService, tenantSegment: string, form: URLSearchParams): TokenAnswer {
  const tenant = svc.tenantOf(tenantSegment, true);
  const app = svc.app(form.get('client_id'), tenant);
  const entry = svc.refreshTokens.get(form.get('refresh_token') ?? '');
  if (!entry || entry.appId !== app.appId) throw err.invalidGrant('refresh_token');
  if (entry.expiresAt < Date.now()) throw err.refreshExpired();
  // A step-up (claims) the session does not meet yet needs the person: the client signs them in again.
  if (!satisfies(entry.user, claimsAsked(form.get('claims')))) throw interactionRequired();
  return userTokens(svc, tenant.id, app.appId, entry.user, scopesOf(form));
}

/** Access, refresh and ID tokens for a person signed in to a public client. */
function userTokens(
  svc: IdentityService,
  tenantId: string,
  appId: string,
  user: UserSession,
  scopes: string[],
): TokenAnswer {
  const resource = resourceFor(svc, scopes, tenantId);
  const app = svc.apps.get(appId)!;
  const granted = resource.kind === 'graph' ? app.delegatedPermissions : ['user_impersonation'];
  const lifetime = svc.settings.accessTokenLifetimeSeconds;
  const issuer = svc.issuer(tenantId);
  const refreshToken = opaqueToken('sandbox-rt');
  svc.refreshTokens.set(refreshToken, {
    appId,
    user,
    expiresAt: Date.now() + svc.settings.refreshTokenLifetimeSeconds * 1000,
  });
  const returned = [
    ...granted.map((p) => `${resource.audience}/${p}`),
    ...scopes.filter((s) => ['openid', 'profile', 'offline_access'].includes(s)),
  ];
  return {
    status: 200,
    acrs: user.acrs,
    body: {
      token_type: 'Bearer',
      scope: returned.join(' '),
      expires_in: lifetime,
      ext_expires_in: lifetime,
      access_token: userToken(svc.key, {
        issuer,
        tenantId,
        audience: resource.audience,
        appId,
        lifetimeSeconds: lifetime,
        user,
        scopes: granted,
      }),
      refresh_token: refreshToken,
      id_token: idToken(svc.key, { issuer, tenantId, appId, user }),
      client_info: clientInfo(user.oid, tenantId),
    },
  };
}
