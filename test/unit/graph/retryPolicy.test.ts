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
  it('stays out of the way until throttled, then sends what the window allowed', () => {
    const p = new BatchPacer();
    assert.equal(p.paced, false);
    p.observe(20, 0, undefined);
    assert.equal(p.size, 20);
    p.observe(9, 11, 1000);
    assert.equal(p.paced, true);
    assert.equal(p.size, 9);
  });

  it('probes for one more only after five clean batches', () => {
    const p = new BatchPacer();
    p.observe(10, 10, 1000);
    for (let i = 0; i < 4; i++) p.observe(10, 0, undefined);
    assert.equal(p.size, 10);
    p.observe(10, 0, undefined);
    assert.equal(p.size, 11);
  });

  it('keeps the allowance when a batch was throttled entirely (a sibling spent the window)', () => {
    const p = new BatchPacer();
    p.observe(10, 10, 1000);
    p.observe(0, 20, 1000);
    assert.equal(p.size, 10);
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
