// A group whose activation requires a Conditional Access authentication context, activated by a person through the
// real @azure/identity device-code sign-in against the sandbox's identity endpoint: PIM refuses the first token
// (no acrs), the CLI asks the credential for a token with the claims request, the person signs in again, and the
// new token (with acrs c1) is accepted. The sandbox's Graph verifies every signed token and enforces the context.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ANY_JWT, APPS, runCli, signInFlags, signInSandbox, SignInSandbox } from './kit';
import { vaultGroup } from '../harness/activationWorkspace';

describe('cli: step-up for an authentication context with a real device-code sign-in', function () {
  this.timeout(180_000);
  let s: SignInSandbox;
  before(async () => {
    s = await signInSandbox({ requireSignedTokens: true });
    fs.mkdirSync(path.join(s.dir, 'vault'));
    fs.writeFileSync(path.join(s.dir, 'vault', 'vault.pim.yaml'), vaultGroup());
    const apply = await cli(['apply', 'vault', '--yes', ...signInFlags(s, 'client-secret', APPS.pipeline.appId)], {
      AZURE_CLIENT_SECRET: APPS.pipeline.secret,
    });
    assert.equal(apply.code, 0, apply.text);
  });
  after(async () => {
    await s.close();
  });
  const cli = (args: string[], env: Record<string, string> = {}, onStderr?: (t: string) => void) =>
    runCli(args, { cwd: s.dir, caFile: s.caFile, env, onStderr });

  it('signs in again with the acrs claims request and activates with c1 in the new token', async () => {
    const approved: string[] = [];
    // The person approves every code as alice, with MFA and never naming c1: only the claims request asks for it.
    const onStderr = (text: string) => {
      for (const m of text.matchAll(/enter the code ([A-Z0-9]+) to authenticate/g))
        if (!approved.includes(m[1])) {
          approved.push(m[1]);
          s.sb.identity!.service.approveDeviceCode(m[1], { upn: 'alice@contoso.com', mfa: true });
        }
    };
    const r = await cli(
      ['activate', '--group', 'ACT-Vault', '--duration', '1h', ...signInFlags(s, 'device-code', APPS.cli.appId)],
      {},
      onStderr,
    );
    assert.equal(r.code, 0, r.text);
    assert.equal(approved.length, 2, 'the person signed in once, then once more for the step-up');
    assert.match(r.stderr, /PIM asks for the authentication context 'c1': signing in again to satisfy it\./);
    assert.match(r.stdout, /Activated \(Provisioned\) for PT1H/);
    const issued = s.sb.identity!.service.log.filter(
      (e) => e.appId === APPS.cli.appId && e.endpoint === 'token' && e.outcome === 'issued',
    );
    assert.deepEqual(
      issued.map((e) => e.acrs),
      [[], ['c1']],
      'the first token has no acrs; the one after the step-up carries c1',
    );
    // The silent attempt with the claims went to the refresh grant first and was told the person is needed.
    assert.ok(s.sb.identity!.service.log.some((e) => e.grant === 'refresh_token' && e.outcome === 'AADSTS50076'));
    const vault = Object.values(s.sb.state.groups).find((g) => g.displayName === 'ACT-Vault')!.id;
    const requests = Object.values(s.sb.state.requests).filter(
      (q) => q.action === 'selfActivate' && q.groupId === vault,
    );
    assert.equal(requests.length, 1, 'the refused request created nothing; the retry created one');
    assert.equal(requests[0].status, 'Provisioned');
    assert.doesNotMatch(r.text, ANY_JWT);
  });
});
