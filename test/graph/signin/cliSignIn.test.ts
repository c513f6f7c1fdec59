import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { issueCertificate } from '../../../src/sandbox/identity';
import { allFiles, ANY_JWT, APPS, runCli, signInFlags, signInSandbox, SignInSandbox, writes } from './kit';
import { startIssuer } from './oidcIssuer';

// `pim-groups plan|apply|activate` signing in through the real @azure/identity and MSAL code against the sandbox's
// identity endpoint; the sandbox's Graph verifies every signed token it is sent.
describe('cli: every --auth method against the sandbox identity endpoint', function () {
  this.timeout(180_000);
  let s: SignInSandbox;
  beforeEach(async () => {
    s = await signInSandbox({ requireSignedTokens: true });
  });
  afterEach(async () => {
    await s.close();
  });
  const cli = (args: string[], env: Record<string, string> = {}, onStderr?: (t: string) => void) =>
    runCli(args, { cwd: s.dir, caFile: s.caFile, env, onStderr });
  const secretEnv = { AZURE_CLIENT_SECRET: APPS.pipeline.secret };
  const pipeline = (auth: string) => signInFlags(s, auth, APPS.pipeline.appId);

  /** No token, assertion or secret in any output or file the CLI wrote. */
  function assertNoSecrets(outputs: string[], secrets: string[]): void {
    const files = allFiles(s.dir)
      .filter((f) => !f.endsWith('.pem'))
      .map((f) => fs.readFileSync(f, 'utf8'));
    const haystack = [...outputs, ...files].join('\n');
    assert.doesNotMatch(haystack, ANY_JWT);
    for (const secret of secrets) assert.ok(!haystack.includes(secret), 'a secret leaked');
  }

  it('client-secret: plan, apply --yes, then nothing left to do; signed app-only tokens, no secret in any output', async () => {
    const plan = await cli(
      ['plan', 'examples', '--out', 'plan.json', '--detailed-exitcode', ...pipeline('client-secret')],
      secretEnv,
    );
    assert.equal(plan.code, 2, plan.text);
    const apply = await cli(
      ['apply', '--plan', 'plan.json', '--yes', '--verbose', ...pipeline('client-secret')],
      secretEnv,
    );
    assert.equal(apply.code, 0, apply.text);
    const again = await cli(['plan', 'examples', '--detailed-exitcode', ...pipeline('client-secret')], secretEnv);
    assert.equal(again.code, 0, again.text);
    assert.ok(
      s.sb.requestLog.length > 20 && s.sb.requestLog.every((e) => e.status !== 401),
      'every call carried a token the Graph side verified',
    );
    assert.ok(
      s.sb.requestLog.some((e) => e.callerUpn === 'pim-groups-pipeline'),
      'the app itself is the caller',
    );
    assertNoSecrets([plan.text, apply.text, again.text], [APPS.pipeline.secret]);
  });

  it('a wrong secret, an unknown tenant or an unknown app each fail with one sentence that says what to change', async () => {
    const wrong = await cli(['plan', 'examples', ...pipeline('client-secret')], {
      AZURE_CLIENT_SECRET: 'Zz9Q~not.the.secret',
    });
    assert.equal(wrong.code, 1);
    assert.match(wrong.stderr, /The client secret is wrong: set AZURE_CLIENT_SECRET to the value of a current secret/);
    assert.match(wrong.stderr, /AADSTS7000215/);
    const tenant = await cli(
      ['plan', 'examples', ...signInFlags(s, 'client-secret', APPS.pipeline.appId, 'fabrikam.com')],
      secretEnv,
    );
    assert.equal(tenant.code, 1);
    assert.match(tenant.stderr, /The sign-in authority could not be read for this tenant: check --tenant/);
    const app = await cli(
      ['plan', 'examples', ...signInFlags(s, 'client-secret', '11111111-2222-4333-8444-555555555555')],
      secretEnv,
    );
    assert.match(app.stderr, /No app registration with this client id in this tenant/);
    assertNoSecrets([wrong.text, tenant.text, app.text], [APPS.pipeline.secret, 'Zz9Q~not.the.secret']);
  });

  it('certificate: a registered certificate signs in; an expired one says to upload a current certificate', async () => {
    const valid = issueCertificate({ commonName: 'pim-groups-pipeline' });
    const expired = issueCertificate({
      commonName: 'pim-groups-pipeline old',
      notBefore: new Date(Date.now() - 400 * 86_400_000),
      notAfter: new Date(Date.now() - 86_400_000),
    });
    for (const c of [valid, expired]) s.sb.identity!.service.addCertificate(APPS.pipeline.appId, c.certPem);
    fs.writeFileSync(path.join(s.dir, 'valid.pem'), valid.keyPem + valid.certPem);
    fs.writeFileSync(path.join(s.dir, 'expired.pem'), expired.keyPem + expired.certPem);
    const ok = await cli(['plan', 'examples', '--detailed-exitcode', ...pipeline('certificate')], {
      AZURE_CLIENT_CERTIFICATE_PATH: path.join(s.dir, 'valid.pem'),
    });
    assert.equal(ok.code, 2, ok.text);
    const old = await cli(['plan', 'examples', ...pipeline('certificate')], {
      AZURE_CLIENT_CERTIFICATE_PATH: path.join(s.dir, 'expired.pem'),
    });
    assert.equal(old.code, 1);
    assert.match(
      old.stderr,
      /The certificate is expired or not registered on the app registration: upload a current certificate/,
    );
    assertNoSecrets([ok.text, old.text], [valid.keyPem.split('\n')[1], expired.keyPem.split('\n')[1]]);
  });

  it('workload-identity: a federated token file from a trusted issuer signs in; an unknown subject says which subject to add', async () => {
    const issuer = await startIssuer(s.sb.identity!.serverTls);
    try {
      s.sb.identity!.service.addFederatedCredential(APPS.pipeline.appId, {
        name: 'k8s',
        issuer: issuer.url,
        subject: 'system:serviceaccount:pim:pim-groups',
        audiences: ['api://AzureADTokenExchange'],
      });
      const file = path.join(s.dir, 'token');
      fs.writeFileSync(
        file,
        issuer.token({ sub: 'system:serviceaccount:pim:pim-groups', aud: 'api://AzureADTokenExchange' }),
      );
      const ok = await cli(['plan', 'examples', '--detailed-exitcode', ...pipeline('workload-identity')], {
        AZURE_FEDERATED_TOKEN_FILE: file,
      });
      assert.equal(ok.code, 2, ok.text);
      fs.writeFileSync(
        file,
        issuer.token({ sub: 'system:serviceaccount:default:other', aud: 'api://AzureADTokenExchange' }),
      );
      const other = await cli(['plan', 'examples', ...pipeline('workload-identity')], {
        AZURE_FEDERATED_TOKEN_FILE: file,
      });
      assert.equal(other.code, 1);
      assert.match(
        other.stderr,
        /No federated credential of the app registration matches this subject: add a federated credential/,
      );
      assert.match(other.stderr, /system:serviceaccount:default:other/);
      fs.rmSync(file);
    } finally {
      await issuer.close();
    }
  });

  it('device-code: shows the prompt, waits for the person, then activates as that person', async () => {
    let approved = false;
    const onStderr = (text: string) => {
      const code = /enter the code ([A-Z0-9]+) to authenticate/.exec(text)?.[1];
      if (code && !approved) {
        approved = true;
        s.sb.identity!.service.approveDeviceCode(code, { upn: 'alice@contoso.com', mfa: true });
      }
    };
    const r = await cli(
      [
        'activate',
        '--group',
        'PIM-Intune-Helpdesk',
        '--duration',
        'PT1H',
        '--justification',
        'Ticket 42',
        ...signInFlags(s, 'device-code', APPS.cli.appId),
      ],
      {},
      onStderr,
    );
    assert.equal(r.code, 0, r.text);
    assert.match(
      r.stderr,
      new RegExp(
        `To sign in, use a web browser to open the page ${s.sb.identity!.url.replace(/\./g, '\\.')}/devicelogin and enter the code [A-Z0-9]+ to authenticate\\.`,
      ),
    );
    const alice = Object.values(s.sb.state.users).find((u) => u.userPrincipalName === 'alice@contoso.com')!.id;
    assert.ok(
      Object.values(s.sb.state.requests).some(
        (q) => q.action === 'selfActivate' && q.principalId === alice && q.createdById === alice,
      ),
    );
    assertNoSecrets([r.text], []);
  });

  it('device-code: a code nobody approves in time ends with one sentence to run it again', async () => {
    const onStderr = (text: string) => {
      const code = /enter the code ([A-Z0-9]+) to authenticate/.exec(text)?.[1];
      if (code && s.sb.identity!.service.deviceCodes.size === 1) {
        s.sb.identity!.service.expireDeviceCode(code);
        s.sb.identity!.service.newDeviceCode('none', []);
      }
    };
    const r = await cli(['activate', ...signInFlags(s, 'device-code', APPS.cli.appId)], {}, onStderr);
    assert.equal(r.code, 1, r.text);
    assert.match(r.stderr, /device code expired before the sign-in was completed: run the command again/);
  });

  it('tokens that expire during an apply are renewed with the refresh token, and no write is sent twice', async () => {
    s.sb.identity!.service.settings.accessTokenLifetimeSeconds = 60; // inside MSAL's five-minute renewal window
    let approved = false;
    const onStderr = (text: string) => {
      const code = /enter the code ([A-Z0-9]+) to authenticate/.exec(text)?.[1];
      if (code && !approved) {
        approved = true;
        s.sb.identity!.service.approveDeviceCode(code, { upn: 'admin@contoso.com', mfa: true });
      }
    };
    const apply = await cli(
      ['apply', 'examples', '--yes', ...signInFlags(s, 'device-code', APPS.cli.appId)],
      {},
      onStderr,
    );
    assert.equal(apply.code, 0, apply.text);
    const grants = s.sb.identity!.service.log.filter((e) => e.outcome === 'issued').map((e) => e.grant);
    assert.ok(
      grants.filter((g) => g === 'refresh_token').length >= 2,
      `renewed during the apply: ${grants.join(', ')}`,
    );
    assert.equal(
      grants.filter((g) => g.endsWith('device_code')).length,
      2,
      'one device code asked for and redeemed: the person signed in once',
    );
    const w = writes(s.sb);
    assert.ok(w.length > 5);
    assert.deepEqual(
      w.filter((x, i) => w.indexOf(x) !== i),
      [],
      'no write was sent twice',
    );
    assert.ok(s.sb.requestLog.every((e) => e.status !== 401));
  });
});
