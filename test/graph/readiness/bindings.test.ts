import * as assert from 'node:assert/strict';
import { startSandbox, Sandbox } from '../../../src/sandbox';
import { examplesWorkspace } from '../harness/harness';
import { PLAN_ONLY, reportFor, result, transportAs } from './readinessHarness';

describe('readiness: each binding kind the definitions use is reachable', function () {
  this.timeout(60_000);
  let sb: Sandbox;
  beforeEach(async () => {
    sb = await startSandbox({ seed: 'demo' });
  });
  afterEach(async () => {
    await sb.close();
  });

  it('passes every kind of the examples for the administrator, one result per kind', async () => {
    const report = await reportFor(transportAs(sb, 'admin@contoso.com'), examplesWorkspace());
    const kinds = report.results.filter((r) => r.id.startsWith('binding.'));
    assert.deepEqual(
      kinds.map((r) => [r.id, r.status]),
      [
        ['binding.azureRole', 'pass'],
        ['binding.conditionalAccess', 'pass'],
        ['binding.directoryRole', 'pass'],
        ['binding.intuneRole', 'pass'],
        ['binding.license', 'pass'],
        ['binding.team', 'pass'],
      ],
    );
  });

  it('fails Conditional Access and Intune when the token lacks their scopes, with the scope to grant', async () => {
    const scopes = PLAN_ONLY.filter((s) => s !== 'Policy.Read.All' && s !== 'DeviceManagementRBAC.Read.All');
    const report = await reportFor(transportAs(sb, 'admin@contoso.com', scopes), examplesWorkspace());
    const ca = result(report, 'binding.conditionalAccess');
    assert.equal(ca.status, 'fail');
    assert.equal(ca.what, 'Conditional Access: not reachable (403 AccessDenied).');
    assert.match(ca.details![0], /GET \/identity\/conditionalAccess\/policies failed/);
    assert.match(ca.fix!, /Policy\.Read\.All/);
    assert.equal(result(report, 'binding.intuneRole').status, 'fail');
    assert.equal(result(report, 'binding.license').status, 'pass');
  });

  it('fails Azure roles for a caller without access at the scopes, listing each scope', async () => {
    const r = result(await reportFor(transportAs(sb, 'alice@contoso.com'), examplesWorkspace()), 'binding.azureRole');
    assert.equal(r.status, 'fail');
    assert.match(r.what, /^Azure roles \(Azure Resource Manager\): not reachable/);
    assert.ok(r.details!.every((d) => /AuthorizationFailed/.test(d)));
    assert.ok(r.details!.length >= 1);
  });
});
