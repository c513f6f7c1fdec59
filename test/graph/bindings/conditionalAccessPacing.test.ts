// Conditional Access allows 1 request per second per tenant (the sandbox enforces it by default, as the service
// does): the engine keeps its own CA requests a second apart, direct ones and those inside $batch alike.
import * as assert from 'node:assert/strict';
import { loadWorkspace } from '../../../src/definitions';
import { findDefinitionFiles } from '../../../src/cli/definitionFiles';
import type { RequestLogEntry } from '../../../src/sandbox';
import { harness, Harness, ROOT } from '../harness/harness';
import { planAndApply, planFor } from '../harness/engine';
import { isEmpty } from '../../../src/plan';

const CA = /\/identity\/conditionalAccess\//i;
const caWrites = (log: RequestLogEntry[]) => log.filter((e) => CA.test(e.path) && e.method !== 'GET');
const travellers = () =>
  loadWorkspace(findDefinitionFiles(['examples/templates.pim.yaml', 'examples/ca-travellers.pim.yaml'], ROOT));

describe('bindings: Conditional Access pacing against the 1-per-second limit', function () {
  this.timeout(180_000);
  let h: Harness;
  beforeEach(async () => {
    h = await harness();
  });
  afterEach(async () => {
    await h.close();
  });

  it('plan and apply alone never meet the limit: their CA reads (in $batch) and writes are a second apart', async () => {
    const { report } = await planAndApply(h.t, travellers(), h.sb.url);
    assert.ok(report.converged, JSON.stringify(report.outcomes.filter((o) => o.status !== 'done')));
    const ca = h.sb.requestLog.filter((e) => CA.test(e.path));
    assert.ok(caWrites(h.sb.requestLog).length >= 2, 'the example writes two policies');
    assert.deepEqual(
      ca.filter((e) => e.status === 429).map((e) => `${e.method} ${e.path}`),
      [],
    );
    assert.ok(isEmpty((await planFor(h.t, travellers(), h.sb.url)).plan));
  });
});
