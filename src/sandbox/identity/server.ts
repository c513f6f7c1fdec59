// The HTTPS face of the identity endpoint on 127.0.0.1 (MSAL accepts only https authorities):
//   GET  /{tenant}/v2.0/.well-known/openid-configuration   GET /{tenant}/discovery/v2.0/keys
//   POST /{tenant}/oauth2/v2.0/token                        POST /{tenant}/oauth2/v2.0/devicecode
//   GET  /common/discovery/instance (answers as Entra does for a host it does not know), GET /devicelogin
import * as https from 'node:https';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { IdentityService } from './service';
import { deviceAuthorization, tokenGrant } from './grants';
import { jwks } from './tokens';
import * as err from './errors';

const BODY_LIMIT = 256 * 1024;

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > BODY_LIMIT) {
        req.destroy();
        reject(new Error('body too large'));
      } else chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function json(res: ServerResponse, status: number, body: unknown): void {
  const payload = JSON.stringify(body);
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Cache-Control': 'no-store',
    'Content-Length': Buffer.byteLength(payload),
  });
  res.end(payload);
}

export function openIdConfiguration(svc: IdentityService, tenantSegment: string): Record<string, unknown> {
  const tenant = svc.tenantOf(tenantSegment, true);
  const base = `${svc.url}/${tenantSegment}`;
  return {
    token_endpoint: `${base}/oauth2/v2.0/token`,
    token_endpoint_auth_methods_supported: ['client_secret_post', 'private_key_jwt', 'client_secret_basic'],
    jwks_uri: `${base}/discovery/v2.0/keys`,
    response_modes_supported: ['query', 'fragment', 'form_post'],
    subject_types_supported: ['pairwise'],
    id_token_signing_alg_values_supported: ['RS256'],
    response_types_supported: ['code', 'id_token', 'code id_token', 'id_token token'],
    scopes_supported: ['openid', 'profile', 'email', 'offline_access'],
    issuer: svc.issuer(tenant.id),
    request_uri_parameter_supported: false,
    authorization_endpoint: `${base}/oauth2/v2.0/authorize`,
    device_authorization_endpoint: `${base}/oauth2/v2.0/devicecode`,
    end_session_endpoint: `${base}/oauth2/v2.0/logout`,
    tenant_region_scope: 'OC',
    cloud_instance_name: 'sandbox.pim-groups.local',
    msgraph_host: new URL(svc.graphUrl()).host,
  };
}

export function createIdentityServer(svc: IdentityService, tls: { certPem: string; keyPem: string }): https.Server {
  const server = https.createServer({ cert: tls.certPem, key: tls.keyPem, keepAlive: true }, async (req, res) => {
    try {
      const u = new URL(req.url ?? '/', svc.url || 'https://127.0.0.1');
      const parts = u.pathname.split('/').filter(Boolean).map(decodeURIComponent);
      const route = `${req.method} /${parts.slice(1).join('/')}`;
      const body = await readBody(req);
      const form = new URLSearchParams(body);
      if (req.method === 'GET' && u.pathname === '/devicelogin') {
        res.writeHead(200, { 'Content-Type': 'text/plain; charset=utf-8' });
        res.end('Sandbox sign-in: a test approves the code through the sandbox (identity.approveDeviceCode).\n');
        return;
      }
      if (req.method === 'GET' && u.pathname === '/common/discovery/instance') {
        // Instance discovery knows Microsoft's hosts only; clients must turn it off for this one.
        json(
          res,
          400,
          err.errorResponse(new err.IdentityError(400, 'invalid_instance', 50049, 'Unknown or invalid instance.')),
        );
        return;
      }
      const tenant = parts[0] ?? '';
      switch (route) {
        case 'GET /v2.0/.well-known/openid-configuration':
          json(res, 200, openIdConfiguration(svc, tenant));
          return;
        case 'GET /discovery/v2.0/keys':
          svc.tenantOf(tenant, true);
          json(res, 200, jwks(svc.key));
          return;
        case 'POST /oauth2/v2.0/token': {
          const a = await tokenGrant(svc, tenant, form);
          json(res, a.status, a.body);
          return;
        }
        case 'POST /oauth2/v2.0/devicecode': {
          const a = deviceAuthorization(svc, tenant, form);
          json(res, a.status, a.body);
          return;
        }
        default:
          json(res, 404, {
            error: 'not_found',
            error_description: `No identity endpoint ${req.method} ${u.pathname}.`,
          });
      }
    } catch (e) {
      if (e instanceof err.IdentityError) {
        json(res, e.status, { ...err.errorResponse(e), error: e.aadsts === 90002 ? 'invalid_tenant' : e.error });
        return;
      }
      if (!res.headersSent) json(res, 500, { error: 'server_error', error_description: (e as Error).message });
    }
  });
  server.keepAliveTimeout = 30_000;
  return server;
}
