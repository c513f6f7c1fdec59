// The tenant reader reads bindings through a reader that src/bindings registers when it loads. Each case runs in a
// fresh Node process, because in this one the other tests have loaded bindings already.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';

const out = path.resolve(__dirname, '../../../src');
const SCOPE = JSON.stringify({ groups: [], principalRefs: [], bindings: { kinds: ['team'], azureScopes: [] } });

/** How many readers a scope asking for bindings gets after loading only `modules` (or the error thrown). */
function readersAfterLoading(...modules: string[]): string {
  const script = `${modules.map((m) => `require(${JSON.stringify(path.join(out, m))});`).join('')}
    const { stateReadersFor } = require(${JSON.stringify(path.join(out, 'tenant/stateReaders'))});
    try { console.log(stateReadersFor(${SCOPE}).length); } catch (e) { console.log('throws: ' + e.message); }`;
  const r = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  return r.stdout.trim();
}

describe('tenant: readers of state beyond groups', () => {
  it('has the bindings reader once apply alone has loaded (apply --plan reads bindings without planning)', () => {
    assert.equal(readersAfterLoading('apply/applyPlan'), '1');
  });

  it('has it once the planner has loaded', () => {
    assert.equal(readersAfterLoading('plan/planner'), '1');
  });

  it('refuses to read less than asked when bindings never loaded', () => {
    assert.match(readersAfterLoading('tenant/readTenant'), /^throws: .*no binding reader is registered/);
  });
});
