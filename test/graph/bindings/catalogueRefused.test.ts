// The bindings catalogue (tenant-aware completion reads it) tells a read refused for want of a permission apart from
// any other failure, naming what is missing, so the editor can say what to grant instead of only logging it.
import * as assert from 'node:assert/strict';
import { sandboxTokenSource } from '../../../src/auth/tokenSource';
import { readBindingCatalog } from '../../../src/bindings/catalog';
import { GraphTransport } from '../../../src/graph/transport';
import { editorSignInScopes } from '../../../src/readiness/signInScopes';
import { startSandbox, Sandbox } from '../../../src/sandbox';

describe('bindings catalogue: a refused read names what is missing (sandbox)', function () {
  this.timeout(60_000);
  let sb: Sandbox;
  before(async () => {
    sb = await startSandbox({ seed: 'demo' });
  });
  after(() => sb.close());

  const transport = (scopes: string[]) =>
    new GraphTransport({
      baseUrl: sb.url,
      credential: sandboxTokenSource({ upn: 'admin@contoso.com', scopes }),
      retry: { baseDelayMs: 20, maxDelayMs: 200 },
    });

  it('marks the Intune catalogue refused without DeviceManagementRBAC, and still reads the others', async () => {
    const t = transport(editorSignInScopes().filter((s) => !s.startsWith('DeviceManagementRBAC.')));
    const c = await readBindingCatalog(t, ['intuneRole', 'license']);
    assert.deepEqual(Object.keys(c.errors), ['intuneRole']);
    // Intune says only that the workload's scope is missing: the editor names it from the permissions table.
    assert.equal(c.refused?.intuneRole, "the workload's permission scope");
    assert.equal(c.refused?.license, undefined);
    assert.ok(c.skus.length > 0, 'the licences were read');
  });

  it('marks nothing refused with every sign-in scope', async () => {
    const c = await readBindingCatalog(transport(editorSignInScopes()), ['intuneRole', 'conditionalAccess']);
    assert.deepEqual(c.errors, {});
    assert.equal(c.refused, undefined);
  });
});
