// /_sandbox/identity/*: what an administrator or the person at the browser would do, for processes that cannot call
// the library (the CLI's `pim-groups sandbox --identity`, host tests). No token; never returns a secret.
//   GET  /_sandbox/identity                         → { url, apps: [{ appId, displayName, ... }], settings }
//   POST /_sandbox/identity/settings {accessTokenLifetimeSeconds?, deviceCodeLifetimeSeconds?, deviceCodeIntervalSeconds?}
//   POST /_sandbox/identity/devicecode/approve {userCode, upn, mfa?, acrs?}  (also /decline, /expire {userCode})
//   POST /_sandbox/identity/applications/{appId}/federatedIdentityCredentials {name, issuer, subject, audiences}
//   POST /_sandbox/identity/applications/{appId}/keyCredentials {certificate: PEM}
//   POST /_sandbox/identity/refreshTokens/expire    GET /_sandbox/identity/log
import type { IdentityService } from './service';

export interface ControlAnswer {
  status: number;
  body: unknown;
}
const bad = (message: string): ControlAnswer => ({ status: 400, body: { error: { code: 'BadRequest', message } } });

export function identityControl(
  svc: IdentityService | undefined,
  method: string,
  path: string,
  body: unknown,
): ControlAnswer {
  if (!svc)
    return {
      status: 404,
      body: {
        error: { code: 'NotFound', message: 'The identity endpoint is off: start the sandbox with --identity.' },
      },
    };
  const b = (body ?? {}) as Record<string, unknown>;
  const route = `${method} ${path.replace(/^\/_sandbox\/identity/, '').replace(/\/$/, '')}`;
  try {
    const app = /^POST \/applications\/([^/]+)\/(federatedIdentityCredentials|keyCredentials)$/.exec(route);
    if (app) {
      if (app[2] === 'keyCredentials') {
        if (typeof b.certificate !== 'string') return bad('Send {"certificate": "-----BEGIN CERTIFICATE-----..."}.');
        svc.addCertificate(decodeURIComponent(app[1]), b.certificate);
      } else {
        if (typeof b.issuer !== 'string' || typeof b.subject !== 'string' || !Array.isArray(b.audiences))
          return bad('Send {name, issuer, subject, audiences: [...]}.');
        svc.addFederatedCredential(decodeURIComponent(app[1]), {
          name: String(b.name ?? b.subject),
          issuer: b.issuer,
          subject: b.subject,
          audiences: b.audiences.map(String),
        });
      }
      return { status: 201, body: { status: 'added' } };
    }
    switch (route) {
      case 'GET ':
        return {
          status: 200,
          body: {
            url: svc.url,
            settings: svc.settings,
            apps: [...svc.apps.values()].map((a) => ({
              appId: a.appId,
              displayName: a.displayName,
              servicePrincipalId: a.servicePrincipalId,
              applicationPermissions: a.applicationPermissions,
              delegatedPermissions: a.delegatedPermissions,
              isPublicClient: a.isPublicClient,
              secretHints: a.secrets.map((s) => s.hint),
              certificateThumbprints: a.certificates.map((c) => c.thumbprintSha1),
              federatedCredentials: a.federatedCredentials,
            })),
          },
        };
      case 'POST /settings':
        for (const k of [
          'accessTokenLifetimeSeconds',
          'deviceCodeLifetimeSeconds',
          'deviceCodeIntervalSeconds',
        ] as const) {
          if (b[k] !== undefined) {
            if (typeof b[k] !== 'number' || (b[k] as number) < 0) return bad(`${k} must be a non-negative number.`);
            svc.settings[k] = b[k] as number;
          }
        }
        return { status: 200, body: svc.settings };
      case 'POST /devicecode/approve':
        if (typeof b.userCode !== 'string' || typeof b.upn !== 'string')
          return bad('Send {"userCode": "...", "upn": "alice@contoso.com"}.');
        svc.approveDeviceCode(b.userCode, {
          upn: b.upn,
          mfa: b.mfa === true,
          acrs: Array.isArray(b.acrs) ? b.acrs.map(String) : [],
        });
        return { status: 200, body: { status: 'approved' } };
      case 'POST /devicecode/decline':
      case 'POST /devicecode/expire':
        if (typeof b.userCode !== 'string') return bad('Send {"userCode": "..."}.');
        if (route.endsWith('decline')) svc.declineDeviceCode(b.userCode);
        else svc.expireDeviceCode(b.userCode);
        return { status: 200, body: { status: route.endsWith('decline') ? 'declined' : 'expired' } };
      case 'POST /refreshTokens/expire':
        svc.expireRefreshTokens();
        return { status: 200, body: { status: 'expired' } };
      case 'GET /log':
        return { status: 200, body: { value: svc.log } };
      default:
        return {
          status: 404,
          body: { error: { code: 'NotFound', message: `No identity control endpoint ${method} ${path}.` } },
        };
    }
  } catch (e) {
    return bad((e as Error).message);
  }
}
