import * as assert from 'node:assert/strict';
import { CONNECTION_REFUSED, ConnectionRefusedError } from '../../../src/graph/refusedConnection';
import { harness, Harness } from '../harness/harness';

describe('a refused connection to this machine (the local server is not running)', function () {
  this.timeout(60_000);
  let h: Harness;
  let heard: string[];
  beforeEach(async () => {
    heard = [];
    // The default retry policy: eight attempts, backoff from 400 ms; none of it may be spent on a closed port.
    h = await harness({}, undefined, { retry: {}, onReachability: (state) => heard.push(state) });
    await h.t.get('/me');
    await h.sb.close();
  });

  it('tries once more, then says nothing is listening, naming the address', async () => {
    const error = await h.t.get('/users').then(
      () => assert.fail('the closed sandbox answered'),
      (e: unknown) => e,
    );
    assert.ok(error instanceof ConnectionRefusedError, String(error));
    assert.equal(error.code, CONNECTION_REFUSED);
    assert.equal(error.origin, new URL(h.sb.url).origin);
    assert.match(error.message, /Nothing is listening at http:\/\/127\.0\.0\.1:\d+ \(connection refused\)/);
    const attempts = h.logs.filter((l) => l.path?.startsWith('/v1.0/users')).map((l) => l.attempt);
    assert.deepEqual(attempts, [1, 2]);
    assert.deepEqual(heard, ['answered', 'refused']);
  });

  it('reports a refused write as refused, not as a write of unknown outcome (it never reached a server)', async () => {
    const error = await h.t.request('POST', '/groups', { displayName: 'x' }).then(
      () => assert.fail('the closed sandbox answered'),
      (e: unknown) => e,
    );
    assert.ok(error instanceof ConnectionRefusedError, String(error));
  });
});
