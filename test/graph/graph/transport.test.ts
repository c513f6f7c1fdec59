import * as assert from 'node:assert/strict';
import { AmbiguousOutcomeError, CancelledError, GraphRequestError } from '../../../src/graph/errors';
import { batchGetAll } from '../../../src/graph/batch';
import { paths } from '../../../src/graph/api/paths';
import { harness, Harness } from '../harness/harness';

describe('graph transport over real HTTP', function () {
  this.timeout(60_000);
  let h: Harness;
  afterEach(async () => {
    await h?.close();
  });

  it('sends a distinct client-request-id with every call and logs method, path, status, duration and request-id', async () => {
    h = await harness();
    await h.t.get('/users?$top=2');
    await h.t.batch([
      { method: 'GET', url: '/me' },
      { method: 'GET', url: '/groups?$top=1' },
    ]);
    const ids = h.sb.requestLog.map((e) => e.clientRequestId);
    assert.ok(
      ids.every((id) => /^[0-9a-f-]{36}$/.test(id)),
      JSON.stringify(ids),
    );
    const outer = h.sb.requestLog.filter((e) => !e.inBatch).map((e) => e.clientRequestId);
    assert.equal(new Set(outer).size, outer.length);
    const entry = h.logs.find((l) => l.path?.startsWith('/v1.0/users'))!;
    assert.equal(entry.method, 'GET');
    assert.equal(entry.status, 200);
    assert.ok(typeof entry.durationMs === 'number' && /^[0-9a-f-]{36}$/.test(entry.requestId ?? ''));
  });

  it('follows @odata.nextLink until the collection ends, directly and inside $batch', async () => {
    h = await harness();
    const all = await h.t.getAll<{ id: string }>('/users?$top=3');
    const count = Object.keys(h.sb.state.users).length;
    assert.equal(all.length, count);
    assert.ok(h.sb.requestLog.filter((e) => e.path.startsWith('/v1.0/users')).length >= Math.ceil(count / 3));
    const [batched] = await batchGetAll<{ id: string }>(h.t, ['/users?$top=4']);
    assert.equal(batched.value!.length, count);
  });

  it('splits more than 20 requests into several $batch round trips, answers in order', async () => {
    h = await harness();
    const before = h.t.stats.roundTrips;
    const ids = Object.keys(h.sb.state.users).slice(0, 10);
    const requests = Array.from({ length: 45 }, (_, i) => ({
      method: 'GET' as const,
      url: `/users/${ids[i % ids.length]}`,
    }));
    const res = await h.t.batch<{ id: string }>(requests);
    assert.deepEqual(
      res.map((r) => r.body.id),
      requests.map((r) => r.url.split('/')[2]),
    );
    assert.equal(h.t.stats.roundTrips - before, 3);
  });

  it('keeps dependent requests in one $batch and fails dependents of a failed request with 424', async () => {
    h = await harness();
    const res = await h.t.batch([
      { method: 'GET', url: '/groups/00000000-0000-4000-8000-000000000000' },
      { method: 'GET', url: '/me', dependsOn: [0] },
    ]);
    assert.equal(res[0].status, 404);
    assert.equal(res[1].status, 424);
  });

  it('retries 429 and 503 honouring Retry-After, and dropped connections of reads', async () => {
    h = await harness({ faults: { seed: 7, rate: 0.3, kinds: ['429', '503', 'reset'], retryAfter: 0 } });
    const results = await Promise.all(Array.from({ length: 10 }, () => h.t.get<{ id: string }>('/me')));
    assert.ok(results.every((r) => r.id));
    const statuses = h.sb.requestLog.map((e) => e.status);
    assert.ok(statuses.includes(429) && statuses.includes(503) && statuses.includes(0), statuses.join(','));
    assert.ok(h.t.stats.retries > 0);
  });

  it('paces a throttled bulk write: a $batch refused as a whole goes again, and every write lands exactly once', async () => {
    h = await harness({ throttle: { requests: 8, perMs: 1000 } });
    const group = Object.values(h.sb.state.groups)[0].id;
    const writes = Array.from({ length: 40 }, (_, i) => ({
      method: 'PATCH' as const,
      url: `/groups/${group}`,
      body: { description: `write ${i}` },
    }));
    const res = await h.t.batch(writes);
    assert.ok(
      res.every((r) => r.status === 204),
      res.map((r) => r.status).join(','),
    );
    const log = h.sb.requestLog;
    // Two batches went at once; the second $batch found the budget spent and was refused before anything in it ran.
    assert.ok(log.some((e) => !e.inBatch && e.path === '/v1.0/$batch' && e.status === 429));
    const landed = log.filter((e) => e.method === 'PATCH' && e.status === 204);
    assert.deepEqual(
      landed.map((e) => (e.body as { description: string }).description).sort(),
      writes.map((w) => w.body.description).sort(),
    );
  });

  it('paces writes and reads apart: a write budget spent does not slow the reads', async () => {
    h = await harness({ writeThrottle: { requests: 5, perMs: 1000 } });
    const group = Object.values(h.sb.state.groups)[0].id;
    await h.t.batch(
      Array.from({ length: 12 }, (_, i) => ({
        method: 'PATCH' as const,
        url: `/groups/${group}`,
        body: { description: `write ${i}` },
      })),
    );
    assert.ok(h.t.pacers.write.paced);
    const before = h.t.stats.roundTrips;
    const ids = Object.keys(h.sb.state.users).slice(0, 10);
    const reads = await h.t.batch(
      Array.from({ length: 60 }, (_, i) => ({ method: 'GET' as const, url: `/users/${ids[i % 10]}` })),
    );
    assert.ok(reads.every((r) => r.status === 200));
    assert.equal(h.t.stats.roundTrips - before, 3);
  });

  it('reports a write whose connection dropped as ambiguous instead of sending it again', async () => {
    h = await harness({ faults: { seed: 1, rate: 1, kinds: ['reset'], methods: ['POST'] } });
    const group = Object.values(h.sb.state.groups).find((g) => g.displayName === 'PIM-Intune-Helpdesk')!;
    const user = Object.values(h.sb.state.users).find((u) => u.userPrincipalName === 'henry@contoso.com')!;
    await assert.rejects(
      h.t.post(paths.eligibilityRequests, {
        action: 'adminAssign',
        accessId: 'member',
        groupId: group.id,
        principalId: user.id,
        scheduleInfo: { expiration: { type: 'afterDuration', duration: 'P1D' } },
      }),
      AmbiguousOutcomeError,
    );
    assert.equal(h.sb.requestLog.filter((e) => e.method === 'POST').length, 1, 'sent once');
  });

  it('gives up within its budget with the last error', async () => {
    h = await harness({ faults: { seed: 1, rate: 1, kinds: ['503'], retryAfter: 0 } }, undefined, {
      retry: { maxAttempts: 3, baseDelayMs: 5 },
    });
    await assert.rejects(h.t.get('/me'), (e: Error) => e instanceof GraphRequestError && e.status === 503);
    assert.equal(h.sb.requestLog.length, 3);
  });

  it('cancels through an AbortSignal, also while waiting to retry', async () => {
    h = await harness({ faults: { seed: 1, rate: 1, kinds: ['429'], retryAfter: 5 } });
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 200);
    await assert.rejects(h.t.get('/me', { signal: controller.signal }), CancelledError);
  });

  it('never sends the token to another host', async () => {
    h = await harness();
    await assert.rejects(h.t.get('http://example.invalid/v1.0/users'), /Refusing to send a token/);
  });
});
