import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { startSandbox, Sandbox } from '../../../src/sandbox';
import { run, tempWorkspace, testIo } from '../harness/cliIo';
import { PLAN_ONLY } from '../readiness/readinessHarness';

describe('cli: doctor', function () {
  this.timeout(120_000);
  let sb: Sandbox;
  let dir: string;
  afterEach(async () => {
    await sb.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('exits 0 for the administrator of the demo tenant and the examples (warnings allowed)', async () => {
    sb = await startSandbox({ seed: 'demo' });
    dir = tempWorkspace();
    const io = testIo(dir);
    assert.equal(await run(['doctor', 'examples', '--sandbox', sb.url], io), 0, io.text());
    assert.match(io.text(), /^ok {4}PIM-capable licences/m);
    assert.match(io.text(), /0 failed\.$/m);
  });

  it('exits 1 without a PIM-capable licence, and --json carries the failing check with its fix', async () => {
    sb = await startSandbox({ seed: 'no-p2' });
    dir = tempWorkspace();
    const io = testIo(dir);
    assert.equal(await run(['doctor', 'examples', '--json', '--sandbox', sb.url], io), 1, io.text());
    const report = JSON.parse(io.lines.join('\n')) as { results: { id: string; status: string; fix?: string }[] };
    const licence = report.results.find((r) => r.id === 'licence')!;
    assert.equal(licence.status, 'fail');
    assert.ok(licence.fix);
    assert.ok(report.results.filter((r) => r.id !== 'licence').every((r) => r.status !== 'fail'));
  });

  it('with a plan-only token: plan passes, apply fails; --for plan alone exits 0', async () => {
    sb = await startSandbox({ seed: 'demo' });
    dir = tempWorkspace();
    const scopes = ['--scopes', PLAN_ONLY.join(',')];
    const both = testIo(dir);
    assert.equal(await run(['doctor', 'examples', '--sandbox', sb.url, ...scopes], both), 1, both.text());
    assert.match(both.text(), /^ok {4}plan: the token has every delegated scope it needs\.$/m);
    assert.match(both.text(), /^FAIL {2}apply: the token lacks \d+ delegated scope\(s\) it needs\.$/m);
    const planOnly = testIo(dir);
    assert.equal(
      await run(['doctor', 'examples', '--for', 'plan', '--sandbox', sb.url, ...scopes], planOnly),
      0,
      planOnly.text(),
    );
  });

  it('runs the tenant-wide checks in a folder without definitions, and refuses an unknown --for', async () => {
    sb = await startSandbox({ seed: 'demo' });
    dir = tempWorkspace(false);
    const io = testIo(dir);
    assert.equal(await run(['doctor', '--sandbox', sb.url], io), 0, io.text());
    assert.match(io.text(), /0 group\(s\): 0 exist, 0 onboarded/);
    const bad = testIo(dir);
    assert.equal(await run(['doctor', '--for', 'deploy', '--sandbox', sb.url], bad), 2);
    assert.match(bad.text(), /--for must be one of plan, export, apply, activate, approve/);
  });

  it('shows hostile tenant text (a subscription name) with its control characters escaped', async () => {
    sb = await startSandbox({ seed: 'demo' });
    dir = tempWorkspace(false);
    for (const sku of Object.values(sb.state.subscribedSkus))
      if (sku.skuPartNumber === 'AAD_PREMIUM_P2') sku.skuPartNumber = 'P2\x1b[2J\x07';
    const io = testIo(dir);
    assert.equal(await run(['doctor', '--sandbox', sb.url], io), 0, io.text());
    assert.match(io.text(), /from P2\\e\[2J\\x07/);
    assert.ok(!/[\x1b\x07]/.test(io.text()));
  });
});
