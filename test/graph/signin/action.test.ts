import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ANY_JWT, APPS, signInSandbox, SignInSandbox, TENANT, installApp } from './kit';
import { startGitHub, GitHubStandIn } from './githubStandIn';
import { actionSteps, docsWorkflow, runAction, ActionRun } from './workflow';

// The GitHub Action, as the workflow of docs/pipelines.md uses it, run from its committed bundle against the sandbox:
// GitHub's OIDC token from a local stand-in of the runner's ID-token endpoint, exchanged at the sandbox's identity
// endpoint (ClientAssertionCredential, real MSAL); the pull-request comment through the real octokit client.
describe('GitHub Action: the docs workflow against the sandbox', function () {
  this.timeout(300_000);
  const REPO = 'contoso/pim-definitions';
  const API_TOKEN = 'ghs_standInInstallationToken000000000001';
  let s: SignInSandbox;
  let gh: GitHubStandIn;
  const workflow = docsWorkflow();
  const vars = {
    DEV_TENANT_ID: TENANT,
    DEV_PLANNER_CLIENT_ID: APPS.planner.appId,
    DEV_APPLIER_CLIENT_ID: APPS.pipeline.appId,
  };

  beforeEach(async () => {
    s = await signInSandbox();
    fs.renameSync(path.join(s.dir, 'examples'), path.join(s.dir, 'pim'));
    installApp(s.sb, APPS.planner.appId);
    gh = await startGitHub(s.sb.identity!.serverTls, REPO, API_TOKEN);
    const fic = (app: string, subject: string, audiences = ['api://AzureADTokenExchange']) =>
      s.sb.identity!.service.addFederatedCredential(app, { name: subject, issuer: gh.issuer.url, subject, audiences });
    fic(APPS.planner.appId, `repo:${REPO}:pull_request`);
    fic(APPS.pipeline.appId, `repo:${REPO}:environment:dev`);
    fic(APPS.planner.appId, `repo:${REPO}:environment:audience-test`, ['api://SomethingElse']);
  });
  afterEach(async () => {
    await gh.close();
    await s.close();
  });

  function runStep(
    inputs: Record<string, string>,
    event: 'pull_request' | 'push',
    extraEnv: Record<string, string | undefined> = {},
  ): Promise<ActionRun> {
    const eventFile = path.join(s.dir, '.run', 'event.json');
    fs.mkdirSync(path.dirname(eventFile), { recursive: true });
    fs.writeFileSync(
      eventFile,
      JSON.stringify(
        event === 'pull_request'
          ? { pull_request: { number: 7 }, repository: { full_name: REPO } }
          : { ref: 'refs/heads/main' },
      ),
    );
    const env: Record<string, string> = {
      NODE_EXTRA_CA_CERTS: s.caFile,
      GITHUB_EVENT_NAME: event,
      GITHUB_EVENT_PATH: eventFile,
      GITHUB_REPOSITORY: REPO,
      GITHUB_API_URL: gh.issuer.url,
      GITHUB_SERVER_URL: 'https://github.com',
      GITHUB_RUN_ID: '4242',
      ACTIONS_ID_TOKEN_REQUEST_URL: `${gh.issuer.url}/idtoken?api-version=2.0`,
      ACTIONS_ID_TOKEN_REQUEST_TOKEN: gh.requestToken,
      // The sandbox in place of Graph and Entra: its Graph URL, and its identity endpoint as the authority host.
      PIM_GROUPS_SANDBOX: s.sb.url,
      AZURE_AUTHORITY_HOST: s.sb.identity!.url,
    };
    for (const [k, v] of Object.entries(extraEnv)) {
      if (v === undefined) delete env[k];
      else env[k] = v;
    }
    return runAction(inputs, { dir: s.dir, env, githubToken: API_TOKEN });
  }

  const noTokens = (r: ActionRun) => {
    // `::add-mask::VALUE` is how @actions/core registers the ID token as a secret: the runner consumes the command,
    // masks the value everywhere, and never shows the line; every other line is what the log shows.
    const shown = r.stdout
      .split('\n')
      .filter((l) => !l.startsWith('::add-mask::'))
      .join('\n');
    const all = [
      shown,
      r.stderr,
      r.summary,
      ...fs
        .readdirSync(s.dir)
        .filter((f) => f.endsWith('.json'))
        .map((f) => fs.readFileSync(path.join(s.dir, f), 'utf8')),
    ].join('\n');
    assert.doesNotMatch(all, ANY_JWT);
    assert.ok(!all.includes(API_TOKEN) && !all.includes(gh.requestToken));
  };

  it('the workflow grants the OIDC token to every job that signs in, and plan jobs may comment', () => {
    for (const [name, job] of Object.entries(workflow.jobs)) {
      assert.equal(job.permissions?.['id-token'], 'write', `${name} needs id-token: write`);
      assert.ok(actionSteps(job, vars).length > 0);
    }
    assert.equal(workflow.jobs.plan.permissions?.['pull-requests'], 'write');
    assert.match(
      String(workflow.jobs.apply.environment),
      /matrix\.tenant/,
      "apply waits for the environment's reviewers",
    );
  });

  it('plan on a pull request: validate, then the plan in the summary, the outputs and one comment, updated in place on the next run', async () => {
    const [validate, plan] = actionSteps(workflow.jobs.plan, vars);
    const v = await runStep(validate, 'pull_request');
    assert.equal(v.code, 0, v.stdout + v.stderr);
    const first = await runStep(plan, 'pull_request');
    assert.equal(first.code, 0, first.summary + first.stderr);
    assert.equal(first.outputs['has-changes'], 'true');
    assert.equal(first.outputs['plan-file'], path.join(s.dir, 'plan-dev.json'));
    assert.ok(fs.existsSync(path.join(s.dir, 'plan-dev.json')));
    assert.match(first.summary, /## PIM Groups plan/);
    assert.equal(gh.comments.length, 1);
    const created = gh.comments[0];
    assert.match(created.body, /^<!-- pim-groups plan: pim @ http:\/\/127\.0\.0\.1:\d+ -->\n## PIM Groups plan for/);
    assert.match(created.body, /<details( open)?><summary>/);
    assert.ok(
      s.sb.requestLog.some((e) => e.callerUpn === 'pim-groups-planner'),
      'the planner app read the tenant',
    );
    const second = await runStep(plan, 'pull_request');
    assert.equal(second.code, 0, second.stdout + second.stderr);
    assert.equal(gh.comments.length, 1, 'the comment is updated, not duplicated');
    assert.equal(gh.comments[0].id, created.id);
    noTokens(first);
    noTokens(second);
  });

  it('apply on merge applies the plan once; the same plan again is refused as stale', async () => {
    const [, plan] = actionSteps(workflow.jobs.plan, vars);
    assert.equal((await runStep(plan, 'push')).code, 0);
    gh.claims = { sub: `repo:${REPO}:environment:dev` };
    const [apply] = actionSteps(workflow.jobs.apply, vars);
    const applied = await runStep(apply, 'push');
    assert.equal(applied.code, 0, applied.stdout + applied.stderr);
    assert.match(applied.stdout, /The tenant now matches the plan\./);
    assert.ok(
      s.sb.requestLog.some((e) => e.callerUpn === 'pim-groups-pipeline' && e.method !== 'GET'),
      'the applier app wrote',
    );
    const stale = await runStep(apply, 'push');
    assert.equal(stale.code, 1);
    assert.match(stale.stdout, /^::error::.*changed since/m);
    noTokens(applied);
  });

  it("plans one team's folder with the workspace's Settings above it: a protected principal's removal fails", async () => {
    // PIM-Intune-Helpdesk is seeded with alice and bob eligible; this file lists alice only (authoritative), so its
    // plan removes bob, whom the Settings one folder up protect (PIM250).
    const team = path.join(s.dir, 'pim', 'helpdesk');
    fs.mkdirSync(team);
    fs.renameSync(path.join(s.dir, 'pim', 'intune-helpdesk.pim.yaml'), path.join(team, 'intune-helpdesk.pim.yaml'));
    fs.writeFileSync(
      path.join(team, 'intune-helpdesk.pim.yaml'),
      'apiVersion: pim-groups/v1\nkind: PimGroup\nmetadata: { name: intune-helpdesk }\ngroup: { displayName: PIM-Intune-Helpdesk }\nassignments:\n  eligible:\n    - { principal: user:alice@contoso.com, duration: P30D }\n',
    );
    fs.writeFileSync(
      path.join(s.dir, 'pim', 'settings.pim.yaml'),
      'apiVersion: pim-groups/v1\nkind: Settings\nprotectedPrincipals:\n  - user:bob@contoso.com\n',
    );
    const [, plan] = actionSteps(workflow.jobs.plan, vars);
    const r = await runStep({ ...plan, path: 'pim/helpdesk' }, 'pull_request');
    assert.equal(r.code, 1, r.stdout + r.stderr);
    assert.match(
      r.stdout,
      /^Settings: pim[\\/]settings\.pim\.yaml \(the workspace's, found above the path input\)\.$/m,
    );
    assert.match(r.summary, /PIM250/);
    assert.match(r.stdout, /^::error::The plan has errors/m);
    noTokens(r);
  });

  it('validation findings become annotations on the file, line and column', async () => {
    fs.writeFileSync(
      path.join(s.dir, 'pim', 'broken.pim.yaml'),
      'apiVersion: pim-groups/v1\nkind: PimGroup\nmetadata: { name: broken }\ngroup: { displayName: PIM-Broken }\nassignments:\n  eligible:\n    - principal: carol\n      duration: P30D\n',
    );
    const [validate] = actionSteps(workflow.jobs.plan, vars);
    const r = await runStep(validate, 'pull_request');
    assert.equal(r.code, 1);
    assert.match(r.stdout, /^::error title=PIM\d+,file=pim\/broken\.pim\.yaml,line=\d+,col=\d+::/m);
    assert.match(r.stdout, /^::error::1 error\(s\) in the definitions/m);
  });

  it('bad OIDC set-ups each fail with one sentence that says what to change', async () => {
    const [, plan] = actionSteps(workflow.jobs.plan, vars);
    const cases: [string, () => void, Record<string, string | undefined>, RegExp][] = [
      [
        'no id-token permission',
        () => undefined,
        { ACTIONS_ID_TOKEN_REQUEST_URL: undefined, ACTIONS_ID_TOKEN_REQUEST_TOKEN: undefined },
        /^::error::GitHub did not give this job an ID token: add `permissions: id-token: write` to the workflow job/m,
      ],
      [
        'wrong audience',
        () => {
          gh.claims = { sub: `repo:${REPO}:environment:audience-test` };
        },
        {},
        /^::error::The app's federated credential for this subject expects another audience: set its audience to api:\/\/AzureADTokenExchange/m,
      ],
      [
        'unknown subject',
        () => {
          gh.claims = { sub: `repo:${REPO}:ref:refs/heads/feature` };
        },
        {},
        /^::error::No federated credential of the app registration matches this subject: add a federated credential/m,
      ],
      [
        'expired ID token',
        () => {
          const t = Math.floor(Date.now() / 1000) - 7200;
          gh.claims = { iat: t, nbf: t, exp: t + 600 };
        },
        {},
        /^::error::The client assertion or ID token has expired/m,
      ],
    ];
    for (const [what, arrange, env, sentence] of cases) {
      arrange();
      const r = await runStep(plan, 'pull_request', env);
      assert.equal(r.code, 1, what);
      assert.match(r.stdout, sentence, `${what}:\n${r.stdout}`);
      noTokens(r);
      gh.claims = {};
    }
    assert.equal(gh.comments.length, 0);
  });
});
