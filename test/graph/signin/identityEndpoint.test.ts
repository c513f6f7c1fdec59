import * as assert from 'node:assert/strict';
import { createPublicKey, verify } from 'node:crypto';
import * as https from 'node:https';
import { startSandbox, Sandbox } from '../../../src/sandbox';
import { signJwt } from '../../../src/sandbox/identity/jwt';
import { mintSandboxToken } from '../../../src/auth/sandboxToken';
import { APPS, TENANT } from './kit';

interface Answer {
  status: number;
  body: Record<string, unknown>;
}

function call(sb: Sandbox, method: string, path: string, form?: Record<string, string>): Promise<Answer> {
  const body = form ? new URLSearchParams(form).toString() : undefined;
  return new Promise((resolve, reject) => {
    const req = https.request(
      `${sb.identity!.url}${path}`,
      { method, ca: sb.identity!.caPem, headers: body ? { 'Content-Type': 'application/x-www-form-urlencoded' } : {} },
      (res) => {
        let text = '';
        res.on('data', (d) => {
          text += d;
        });
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(text) }));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

const secretGrant = (secret: string, extra: Record<string, string> = {}) => ({
  grant_type: 'client_credentials',
  client_id: APPS.pipeline.appId,
  client_secret: secret,
  scope: 'https://graph.microsoft.com/.default',
  ...extra,
});
const claimsOf = (jwt: string) =>
  JSON.parse(Buffer.from(jwt.split('.')[1], 'base64url').toString()) as Record<string, unknown>;

async function graph(sb: Sandbox, token: string, path = '/v1.0/groups?$top=1'): Promise<Answer> {
  const res = await fetch(`${sb.url}${path}`, { headers: { Authorization: `Bearer ${token}` } });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

describe("sandbox identity endpoint: discovery, client credentials, device code, refresh, and the Graph side's checks", function () {
  this.timeout(60_000);
  let sb: Sandbox;
  before(async () => {
    sb = await startSandbox({ seed: 'demo', identity: true });
  });
  after(async () => {
    await sb.close();
  });

  it('publishes OpenID metadata per tenant (id or domain) with an issuer on its own host, and refuses an unknown tenant with AADSTS90002', async () => {
    const byId = await call(sb, 'GET', `/${TENANT}/v2.0/.well-known/openid-configuration`);
    assert.equal(byId.status, 200);
    assert.equal(byId.body.issuer, `${sb.identity!.url}/${TENANT}/v2.0`);
    assert.equal(byId.body.token_endpoint, `${sb.identity!.url}/${TENANT}/oauth2/v2.0/token`);
    const byDomain = await call(sb, 'GET', '/contoso.com/v2.0/.well-known/openid-configuration');
    assert.equal(byDomain.body.issuer, byId.body.issuer);
    const unknown = await call(sb, 'GET', '/fabrikam.com/v2.0/.well-known/openid-configuration');
    assert.equal(unknown.status, 400);
    assert.match(String(unknown.body.error_description), /^AADSTS90002: Tenant 'fabrikam.com' not found/);
  });

  it('issues an RS256 app-only token that the published JWKS verifies, with tid, oid, appid, roles and exp', async () => {
    const a = await call(sb, 'POST', `/${TENANT}/oauth2/v2.0/token`, secretGrant(APPS.pipeline.secret));
    assert.equal(a.status, 200, JSON.stringify(a.body));
    const token = String(a.body.access_token);
    const [h, p, s] = token.split('.');
    const header = JSON.parse(Buffer.from(h, 'base64url').toString());
    const keys = (await call(sb, 'GET', `/${TENANT}/discovery/v2.0/keys`)).body.keys as { kid: string }[];
    const jwk = keys.find((k) => k.kid === header.kid)!;
    assert.equal(header.alg, 'RS256');
    assert.ok(
      verify(
        'sha256',
        Buffer.from(`${h}.${p}`),
        createPublicKey({ key: jwk as never, format: 'jwk' }),
        Buffer.from(s, 'base64url'),
      ),
    );
    const c = claimsOf(token);
    assert.equal(c.tid, TENANT);
    assert.equal(c.oid, APPS.pipeline.spId);
    assert.equal(c.appid, APPS.pipeline.appId);
    assert.equal(c.idtyp, 'app');
    assert.ok((c.roles as string[]).includes('PrivilegedEligibilitySchedule.ReadWrite.AzureADGroup'));
    assert.ok(Number(c.exp) > Date.now() / 1000);
    assert.equal((await graph(sb, token)).status, 200, 'Graph accepts the signed token');
    assert.equal((await graph(sb, token, '/v1.0/me')).status, 400, '/me needs a delegated token');
  });

  it("answers wrong secrets, unknown apps and bad scopes with Entra's codes", async () => {
    const cases: [Record<string, string>, number, RegExp][] = [
      [secretGrant('not-the-secret'), 401, /^AADSTS7000215: Invalid client secret provided/],
      [
        secretGrant(APPS.pipeline.secret, { client_id: '11111111-2222-4333-8444-555555555555' }),
        400,
        /^AADSTS700016: Application with identifier '11111111-2222-4333-8444-555555555555' was not found/,
      ],
      [secretGrant(APPS.pipeline.secret, { scope: 'https://graph.microsoft.com/User.Read' }), 400, /^AADSTS1002012:/],
      [
        secretGrant(APPS.pipeline.secret, { scope: 'https://graph.microsoft.us/.default' }),
        400,
        /^AADSTS500011: The resource principal named https:\/\/graph.microsoft.us/,
      ],
      [
        {
          grant_type: 'client_credentials',
          client_id: APPS.pipeline.appId,
          scope: 'https://graph.microsoft.com/.default',
        },
        401,
        /^AADSTS7000218:/,
      ],
    ];
    for (const [form, status, description] of cases) {
      const a = await call(sb, 'POST', `/${TENANT}/oauth2/v2.0/token`, form);
      assert.equal(a.status, status, JSON.stringify(a.body));
      assert.match(String(a.body.error_description), description);
      assert.match(String(a.body.error_description), /Trace ID: .* Correlation ID: .* Timestamp: /);
    }
  });

  it('the Graph side refuses a signed token with a bad signature, another audience, another issuer, or past its expiry', async () => {
    const good = String(
      (await call(sb, 'POST', `/${TENANT}/oauth2/v2.0/token`, secretGrant(APPS.pipeline.secret))).body.access_token,
    );
    const [h, p, s] = good.split('.');
    const tampered = `${h}.${Buffer.from(JSON.stringify({ ...claimsOf(good), roles: ['Directory.ReadWrite.All'] })).toString('base64url')}.${s}`;
    assert.match(
      String(((await graph(sb, tampered)).body.error as { message: string }).message),
      /Signature validation failed/,
    );
    const arm = String(
      (
        await call(
          sb,
          'POST',
          `/${TENANT}/oauth2/v2.0/token`,
          secretGrant(APPS.pipeline.secret, { scope: 'https://management.azure.com/.default' }),
        )
      ).body.access_token,
    );
    assert.match(String(((await graph(sb, arm)).body.error as { message: string }).message), /Invalid audience/);
    const key = sb.identity!.service.key;
    const now = Math.floor(Date.now() / 1000);
    const expired = signJwt(
      { kid: key.kid },
      { ...claimsOf(good), iat: now - 7200, nbf: now - 7200, exp: now - 3600 },
      key.privatePem,
    );
    assert.match(String(((await graph(sb, expired)).body.error as { message: string }).message), /token is expired/);
    const other = await startSandbox({ seed: 'demo', identity: true });
    try {
      assert.equal(p, good.split('.')[1]);
      const foreign = String(
        (await call(other, 'POST', `/${TENANT}/oauth2/v2.0/token`, secretGrant(APPS.pipeline.secret))).body
          .access_token,
      );
      assert.match(
        String(((await graph(sb, foreign)).body.error as { message: string }).message),
        /IDX10205: Issuer validation failed/,
      );
    } finally {
      await other.close();
    }
  });

  it('runs the device code flow: pending until a person approves, then access, ID and refresh tokens; an expired code says expired_token', async () => {
    const start = await call(sb, 'POST', `/${TENANT}/oauth2/v2.0/devicecode`, {
      client_id: APPS.cli.appId,
      scope: 'https://graph.microsoft.com/.default offline_access openid profile',
    });
    assert.equal(start.status, 200);
    assert.match(
      String(start.body.message),
      /^To sign in, use a web browser to open the page https:\/\/127\.0\.0\.1:\d+\/devicelogin and enter the code [A-Z0-9]{9} to authenticate\.$/,
    );
    const poll = () =>
      call(sb, 'POST', `/${TENANT}/oauth2/v2.0/token`, {
        grant_type: 'urn:ietf:params:oauth:grant-type:device_code',
        client_id: APPS.cli.appId,
        device_code: String(start.body.device_code),
      });
    const pending = await poll();
    assert.equal(pending.body.error, 'authorization_pending');
    sb.identity!.service.approveDeviceCode(String(start.body.user_code), { upn: 'alice@contoso.com', mfa: true });
    const done = await poll();
    assert.equal(done.status, 200, JSON.stringify(done.body));
    const c = claimsOf(String(done.body.access_token));
    assert.deepEqual([c.upn, c.idtyp, c.amr], ['alice@contoso.com', 'user', ['pwd', 'mfa']]);
    assert.match(String(c.scp), /PrivilegedAssignmentSchedule\.ReadWrite\.AzureADGroup/);
    assert.equal(
      (await graph(sb, String(done.body.access_token), '/v1.0/me')).body.userPrincipalName,
      'alice@contoso.com',
    );
    assert.equal((await poll()).body.error, 'invalid_grant', 'a device code is redeemed once');
    const refreshed = await call(sb, 'POST', `/${TENANT}/oauth2/v2.0/token`, {
      grant_type: 'refresh_token',
      client_id: APPS.cli.appId,
      refresh_token: String(done.body.refresh_token),
      scope: 'https://graph.microsoft.com/.default offline_access',
    });
    assert.equal(refreshed.status, 200);
    sb.identity!.service.expireRefreshTokens();
    const refused = await call(sb, 'POST', `/${TENANT}/oauth2/v2.0/token`, {
      grant_type: 'refresh_token',
      client_id: APPS.cli.appId,
      refresh_token: String(done.body.refresh_token),
      scope: 'https://graph.microsoft.com/.default',
    });
    assert.match(String(refused.body.error_description), /^AADSTS70043:/);
    const late = await call(sb, 'POST', `/${TENANT}/oauth2/v2.0/devicecode`, {
      client_id: APPS.cli.appId,
      scope: 'https://graph.microsoft.com/.default',
    });
    sb.identity!.service.expireDeviceCode(String(late.body.user_code));
    const expired = await call(sb, 'POST', `/${TENANT}/oauth2/v2.0/token`, {
      grant_type: 'urn:ietf:params:oauth:grant-type:device_code',
      client_id: APPS.cli.appId,
      device_code: String(late.body.device_code),
    });
    assert.equal(expired.body.error, 'expired_token');
  });

  it('a confidential app cannot start the device code flow', async () => {
    const a = await call(sb, 'POST', `/${TENANT}/oauth2/v2.0/devicecode`, {
      client_id: APPS.pipeline.appId,
      scope: 'https://graph.microsoft.com/.default',
    });
    assert.match(String(a.body.error_description), /^AADSTS7000218:/);
  });

  it('with requireSignedTokens the unsigned sandbox tokens are refused and signed ones accepted', async () => {
    const strict = await startSandbox({ seed: 'demo', identity: true, requireSignedTokens: true });
    try {
      const unsigned = await graph(strict, mintSandboxToken({ upn: 'admin@contoso.com' }));
      assert.equal(unsigned.status, 401);
      assert.match(String((unsigned.body.error as { message: string }).message), /IDX10504/);
      const signed = String(
        (await call(strict, 'POST', `/${TENANT}/oauth2/v2.0/token`, secretGrant(APPS.pipeline.secret))).body
          .access_token,
      );
      assert.equal((await graph(strict, signed)).status, 200);
    } finally {
      await strict.close();
    }
    assert.equal(
      (await graph(sb, mintSandboxToken({ upn: 'admin@contoso.com' }))).status,
      200,
      'unsigned tokens stay accepted by default',
    );
  });
});
