import * as assert from 'node:assert/strict';
import { startSandbox, Sandbox } from '../../../src/sandbox';
import { examplesWorkspace } from '../harness/harness';
import { reportFor, result, transportAs } from './readinessHarness';

describe('readiness: the tenant has a PIM-capable licence', function () {
  this.timeout(60_000);
  let sb: Sandbox;
  afterEach(async () => {
    await sb.close();
  });

  it('passes with the demo tenant, counting its Entra ID P2 units against the users the definitions license', async () => {
    sb = await startSandbox({ seed: 'demo' });
    const r = result(await reportFor(transportAs(sb, 'admin@contoso.com'), examplesWorkspace()), 'licence');
    assert.equal(r.status, 'pass');
    assert.match(r.what, /50 licence\(s\) \(11 in use\) from AAD_PREMIUM_P2/);
  });

  it('fails in a tenant without Entra ID P2 or Governance (--seed no-p2) and says what to buy', async () => {
    sb = await startSandbox({ seed: 'no-p2' });
    const r = result(await reportFor(transportAs(sb, 'admin@contoso.com'), examplesWorkspace()), 'licence');
    assert.equal(r.status, 'fail');
    assert.match(r.what, /No Microsoft Entra ID P2 or Microsoft Entra ID Governance licence/);
    assert.match(r.fix!, /trial of Microsoft Entra ID P2/);
    assert.ok(r.details!.some((d) => /ENTERPRISEPACK: no PIM-capable service plan/.test(d)));
  });

  it('warns when the definitions make more users eligible or approvers than there are licences', async () => {
    sb = await startSandbox({ seed: 'demo' });
    for (const sku of Object.values(sb.state.subscribedSkus))
      if (sku.skuPartNumber === 'AAD_PREMIUM_P2') sku.prepaidUnits.enabled = 2;
    const r = result(await reportFor(transportAs(sb, 'admin@contoso.com'), examplesWorkspace()), 'licence');
    assert.equal(r.status, 'warn');
    assert.match(r.what, /user\(s\) are eligible, active or approve in the definitions, but the tenant has 2 licence/);
  });

  it('warns, and does not fail, when the token may not read licences', async () => {
    sb = await startSandbox({ seed: 'demo' });
    const t = transportAs(sb, 'admin@contoso.com', ['User.Read']);
    const r = result(await reportFor(t, examplesWorkspace()), 'licence');
    assert.equal(r.status, 'warn');
    assert.match(r.fix!, /Organization\.Read\.All/);
  });
});
