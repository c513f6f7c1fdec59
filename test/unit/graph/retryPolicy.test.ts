import * as assert from 'node:assert/strict';
import { DEFAULT_RETRY, parseRetryAfter, retryDelayMs } from '../../../src/graph/retryPolicy';
import { BatchPacer } from '../../../src/graph/batchPacer';
import { inClauses, quote } from '../../../src/graph/odata';

describe('retry policy', () => {
  it('reads Retry-After as seconds or as an HTTP date', () => {
    assert.equal(parseRetryAfter('3'), 3000);
    assert.equal(parseRetryAfter(new Date(Date.UTC(2030, 0, 1, 0, 0, 10)).toUTCString(), Date.UTC(2030, 0, 1)), 10_000);
    assert.equal(parseRetryAfter(undefined), undefined);
    assert.equal(parseRetryAfter('soon'), undefined);
  });

  it('honours Retry-After (plus a little jitter) over backoff', () => {
    const d = retryDelayMs(1, 2000, { ...DEFAULT_RETRY, random: () => 0.5 });
    assert.ok(d >= 2000 && d < 2100);
  });

  it('backs off exponentially with jitter, capped', () => {
    const opts = { ...DEFAULT_RETRY, baseDelayMs: 100, maxDelayMs: 1000 };
    const hi = (n: number) => retryDelayMs(n, undefined, { ...opts, random: () => 0.999 });
    const lo = (n: number) => retryDelayMs(n, undefined, { ...opts, random: () => 0 });
    assert.ok(hi(1) <= 100 && lo(1) >= 50);
    assert.ok(hi(3) <= 400 && lo(3) >= 200);
    assert.ok(hi(10) <= 1000);
  });
});

describe('batch pacer', () => {
  const clock = () => {
    const c = { ms: 0, now: () => c.ms };
    return c;
  };

  it('stays out of the way until throttled: full batches, no waiting', () => {
    const c = clock();
    const p = new BatchPacer(c.now);
    p.observe(p.sent(20), 20, 0, undefined);
    assert.equal(p.paced, false);
    assert.equal(p.room(), 20);
    assert.equal(p.wakeAt(), 0);
  });

  it('after a 429 waits the Retry-After, then sends per window what the service accepted in the last one', () => {
    const c = clock();
    const p = new BatchPacer(c.now);
    // Four batches in flight against a budget of 50 a second: three fully accepted, the fourth partly.
    const sent = [p.sent(20), p.sent(20), p.sent(20), p.sent(20)];
    c.ms = 40;
    p.observe(sent[0], 20, 0, undefined);
    p.observe(sent[1], 20, 0, undefined);
    p.observe(sent[2], 9, 11, 1000);
    assert.equal(p.paced, true);
    // 49 requests and 3 envelopes: a service may count the $batch itself.
    assert.equal(p.allowance, 52);
    assert.equal(p.room(), 0);
    c.ms = p.wakeAt();
    assert.equal(c.ms, 40 + 1030);
    // 49 requests a window, in batches of at most 20, several in flight.
    assert.equal(p.room(), 20);
    p.sent(20);
    p.sent(20);
    assert.equal(p.room(), 9);
    p.sent(9);
    assert.equal(p.room(), 0);
    c.ms += 1030;
    assert.equal(p.room(), 20);
  });

  it('keeps the allowance when a batch was refused entirely (a sibling spent the window)', () => {
    const c = clock();
    const p = new BatchPacer(c.now);
    const a = p.sent(20),
      b = p.sent(20);
    p.observe(a, 10, 10, 1000);
    p.observe(b, 0, 20, 1000);
    assert.equal(p.allowance, 11);
    assert.equal(p.room(), 0);
    c.ms = p.wakeAt();
    assert.equal(p.room(), 10);
  });

  it('treats a refused $batch like a batch refused entirely', () => {
    const c = clock();
    const p = new BatchPacer(c.now);
    p.observe(p.sent(20), 10, 10, 1000);
    c.ms = p.wakeAt();
    p.observe(p.sent(p.room()), 0, 10, 2000, false);
    assert.equal(p.allowance, 11);
    assert.equal(p.wakeAt(), c.ms + 2030);
  });

  it('probes for one more after five clean windows', () => {
    const c = clock();
    const p = new BatchPacer(c.now);
    p.observe(p.sent(20), 10, 10, 1000);
    for (let w = 0; w < 6; w++) {
      c.ms = p.wakeAt();
      const room = p.room();
      assert.equal(room, w < 5 ? 10 : 11, `window ${w}`);
      p.observe(p.sent(room), room, 0, undefined);
    }
  });
});

describe('OData literals', () => {
  it('doubles quotes and splits `in` lists', () => {
    assert.equal(quote("O'Brien"), "'O''Brien'");
    const clauses = inClauses(
      'id',
      Array.from({ length: 31 }, (_, i) => `g${i}`),
    );
    assert.equal(clauses.length, 3);
    assert.match(clauses[0], /^id in \('g0','g1',/);
  });
});
