import * as assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse } from 'yaml';
import { ANY_JWT, APPS, CLI, ROOT, signInSandbox, SignInSandbox, TENANT } from './kit';
import { Issuer, startIssuer } from './oidcIssuer';

interface Step {
  script?: string;
  env?: Record<string, string>;
}

// pipelines/azure-pipelines.yml's plan script, run by bash as the agent would (with `npx --yes pim-groups` being
// this checkout's CLI bundle), against the sandbox: the job's OIDC token comes from a local stand-in of
// SYSTEM_OIDCREQUESTURI, asked with System.AccessToken, and AzurePipelinesCredential exchanges it.
describe('Azure Pipelines template against the sandbox', function () {
  this.timeout(180_000);
  const ACCESS_TOKEN = 'ado-system-access-token-0001';
  const CONNECTION = '3c2b1a09-8f7e-4d6c-9b5a-4e3d2c1b0a9f';
  let s: SignInSandbox;
  let ado: Issuer;
  beforeEach(async () => {
    s = await signInSandbox();
    fs.renameSync(path.join(s.dir, 'examples'), path.join(s.dir, 'pim'));
    ado = await startIssuer(s.sb.identity!.serverTls, (req, res, _body, issuer) => {
      const u = new URL(req.url ?? '/', 'https://127.0.0.1');
      if (u.pathname !== '/oidctoken') return false;
      const ok =
        req.method === 'POST' &&
        req.headers.authorization === `Bearer ${ACCESS_TOKEN}` &&
        u.searchParams.get('serviceConnectionId') === CONNECTION;
      res.writeHead(ok ? 200 : 401, { 'Content-Type': 'application/json' });
      res.end(
        JSON.stringify(
          ok
            ? { oidcToken: issuer.token({ sub: 'sc://contoso/pim/pim-groups-dev', aud: 'api://AzureADTokenExchange' }) }
            : { message: 'unauthorized' },
        ),
      );
      return true;
    });
    s.sb.identity!.service.addFederatedCredential(APPS.pipeline.appId, {
      name: 'ado',
      issuer: ado.url,
      subject: 'sc://contoso/pim/pim-groups-dev',
      audiences: ['api://AzureADTokenExchange'],
    });
  });
  afterEach(async () => {
    await ado.close();
    await s.close();
  });

  function planStep(): Step {
    const pipeline = parse(fs.readFileSync(path.join(ROOT, 'pipelines', 'azure-pipelines.yml'), 'utf8'));
    return (pipeline.stages[0].jobs[0].steps as Step[]).find((st) => st.script?.includes('pim-groups plan'))!;
  }

  function runScript(step: Step, vars: Record<string, string>): Promise<{ code: number; text: string }> {
    const macro = (v: string) => v.replace(/\$\(([\w.]+)\)/g, (_, k: string) => vars[k] ?? '');
    const script = macro(step.script!).replace(/npx --yes pim-groups/g, `"${process.execPath}" "${CLI}"`);
    const env: Record<string, string> = {
      PATH: process.env.PATH ?? '',
      NODE_EXTRA_CA_CERTS: s.caFile,
      SYSTEM_OIDCREQUESTURI: `${ado.url}/oidctoken`,
      PIM_GROUPS_SANDBOX: s.sb.url,
      AZURE_AUTHORITY_HOST: s.sb.identity!.url,
      ...Object.fromEntries(Object.entries(step.env ?? {}).map(([k, v]) => [k, macro(v)])),
    };
    return new Promise((resolve) => {
      const child = spawn('bash', ['-e', '-c', script], { cwd: s.dir, env });
      let text = '';
      child.stdout.on('data', (d) => {
        text += d;
      });
      child.stderr.on('data', (d) => {
        text += d;
      });
      child.on('close', (code) => resolve({ code: code ?? 1, text }));
    });
  }

  it("the plan script signs in with the service connection's OIDC token and reports changes", async () => {
    const r = await runScript(planStep(), {
      tenantId: TENANT,
      clientId: APPS.pipeline.appId,
      serviceConnectionId: CONNECTION,
      'System.AccessToken': ACCESS_TOKEN,
    });
    assert.equal(r.code, 0, r.text);
    assert.match(r.text, /##vso\[task\.setvariable variable=hasChanges;isOutput=true\]true/);
    assert.ok(fs.existsSync(path.join(s.dir, 'plan.json')));
    assert.ok(
      ado.requests.some((q) => q.url.startsWith(`/oidctoken?api-version=7.1&serviceConnectionId=${CONNECTION}`)),
    );
    assert.ok(s.sb.requestLog.some((e) => e.callerUpn === 'pim-groups-pipeline'));
    assert.doesNotMatch(r.text + fs.readFileSync(path.join(s.dir, 'plan.json'), 'utf8'), ANY_JWT);
    assert.ok(!r.text.includes(ACCESS_TOKEN));
  });

  it('a service connection whose subject has no federated credential fails with the sentence to add one', async () => {
    const r = await runScript(planStep(), {
      tenantId: TENANT,
      clientId: APPS.planner.appId,
      serviceConnectionId: CONNECTION,
      'System.AccessToken': ACCESS_TOKEN,
    });
    assert.equal(r.code, 1);
    assert.match(
      r.text,
      /No federated credential of the app registration trusts this token issuer: add a federated credential/,
    );
  });
});
