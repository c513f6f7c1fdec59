import * as assert from 'node:assert';
import { PrefixCache } from '../../../../src/extension/tenantAuthoring/prefixCache';
import { TtlMap } from '../../../../src/extension/tenantAuthoring/ttlMap';

const startsWith = (h: string, p: string) => h.toLowerCase().startsWith(p.toLowerCase());

describe('the completion cache by prefix', () => {
  it('answers a longer prefix locally from a shorter one that came back complete', () => {
    const cache = new PrefixCache<string>(60_000, startsWith);
    cache.put('user', 'al', { hits: ['alice', 'alan', 'albert'], complete: true });
    assert.deepStrictEqual(cache.answer('user', 'ali'), { hits: ['alice'], complete: true });
    assert.deepStrictEqual(cache.answer('user', 'ALB'), { hits: ['albert'], complete: true });
  });

  it('does not narrow from an incomplete page: the service may hold more matches than the page', () => {
    const cache = new PrefixCache<string>(60_000, startsWith);
    cache.put('user', 'a', { hits: ['adele', 'alice'], complete: false });
    assert.strictEqual(cache.answer('user', 'al'), undefined);
    assert.deepStrictEqual(cache.answer('user', 'A'), { hits: ['adele', 'alice'], complete: false });
  });

  it('keeps kinds apart and forgets answers after their lifetime', () => {
    let now = 0;
    const cache = new PrefixCache<string>(60_000, startsWith, () => now);
    cache.put('user', 'al', { hits: ['alice'], complete: true });
    assert.strictEqual(cache.answer('group', 'al'), undefined);
    now = 59_999;
    assert.ok(cache.answer('user', 'ali'));
    now = 60_000;
    assert.strictEqual(cache.answer('user', 'ali'), undefined);
  });
});

describe('a map whose entries expire', () => {
  it('drops an entry once its lifetime has passed, and lists only live entries', () => {
    let now = 0;
    const m = new TtlMap<string, number>(1000, () => now);
    m.set('a', 1);
    now = 500;
    m.set('b', 2);
    now = 1000;
    assert.strictEqual(m.get('a'), undefined);
    assert.deepStrictEqual([...m.values()], [['b', 2]]);
  });
});
