import * as assert from 'assert';
import { sandboxUrl } from './hostTestSettings';

// Tests that need a tenant use the sandbox the harness started on the Node side; its URL reaches the extension
// host only through the workspace settings. This proves that route before later suites depend on it.
describe('the sandbox tenant for host tests', () => {
  it('is reachable from the extension host at the URL in pimGroups.sandbox.url, seeded with the demo tenant', async () => {
    const url = sandboxUrl();
    assert.ok(url, 'pimGroups.sandbox.url is not set: the harness started no sandbox (is src/sandbox built?)');
    const response = await fetch(`${url}/_sandbox/health`);
    assert.strictEqual(response.status, 200);
    const health = (await response.json()) as { status: string; seed: string; users: number; groups: number };
    assert.strictEqual(health.status, 'ok');
    assert.strictEqual(health.seed, 'demo');
    assert.ok(health.users > 0 && health.groups > 0, JSON.stringify(health));
  });
});
