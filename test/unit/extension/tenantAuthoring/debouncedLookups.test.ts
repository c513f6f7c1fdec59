import * as assert from 'node:assert';
import { DebouncedLookups } from '../../../../src/extension/tenantAuthoring/debouncedLookups';
import { PrefixCache, PrefixPage } from '../../../../src/extension/tenantAuthoring/prefixCache';

const NAMES = ['adele', 'alan', 'albert', 'alice', 'bob'];

/** A directory that answers startswith over NAMES with pages of `top`, recording each request. */
function directory(top = 10) {
  const asked: string[] = [];
  const fetch = async (_scope: string, prefix: string): Promise<PrefixPage<string>> => {
    asked.push(prefix);
    const all = NAMES.filter((n) => n.startsWith(prefix.toLowerCase()));
    return { hits: all.slice(0, top), complete: all.length <= top };
  };
  return { asked, fetch };
}

/** A pause the test releases by hand (no timers: the decisions, not the clock, are under test). */
function manualPauses() {
  const waiting: { resolve: () => void; reject: (e: unknown) => void }[] = [];
  const wait = (_ms: number, signal: AbortSignal) =>
    new Promise<void>((resolve, reject) => {
      waiting.push({ resolve, reject });
      signal.addEventListener('abort', () => reject(new Error('aborted')), { once: true });
    });
  return { wait, releaseAll: () => waiting.splice(0).forEach((w) => w.resolve()) };
}

/** The lookups under test: a minute's prefix cache over `fetch`, 300 ms pauses that the test releases. */
function lookupsOver(fetch: (scope: string, prefix: string) => Promise<PrefixPage<string>>) {
  const pauses = manualPauses();
  const cache = new PrefixCache(60_000, (h: string, p) => h.startsWith(p));
  return { lookups: new DebouncedLookups(cache, fetch, 300, pauses.wait), pauses };
}

describe('completion lookups that wait for a pause in typing', () => {
  it('sends nothing for keystrokes cancelled during the pause, and one request after the pause', async () => {
    const dir = directory();
    const { lookups, pauses } = lookupsOver(dir.fetch);
    const first = new AbortController();
    const a = lookups.lookup('user', 'a', first.signal);
    first.abort(); // the next keystroke cancels the request for "a"
    const second = new AbortController();
    const al = lookups.lookup('user', 'al', second.signal);
    assert.strictEqual(await a, undefined);
    pauses.releaseAll();
    assert.deepStrictEqual((await al)?.hits, ['alan', 'albert', 'alice']);
    assert.deepStrictEqual(dir.asked, ['al']);
    assert.strictEqual(lookups.sent, 1);
  });

  it('answers a narrower prefix from the cache without a pause or a request', async () => {
    const dir = directory();
    const { lookups, pauses } = lookupsOver(dir.fetch);
    const al = lookups.lookup('user', 'al', new AbortController().signal);
    pauses.releaseAll();
    await al;
    assert.deepStrictEqual((await lookups.lookup('user', 'ali', new AbortController().signal))?.hits, ['alice']);
    assert.deepStrictEqual(dir.asked, ['al']);
  });

  it('asks again for a longer prefix when the shorter page was incomplete', async () => {
    const dir = directory(2);
    const { lookups, pauses } = lookupsOver(dir.fetch);
    const a = lookups.lookup('user', 'a', new AbortController().signal);
    pauses.releaseAll();
    assert.strictEqual((await a)?.complete, false);
    const ali = lookups.lookup('user', 'ali', new AbortController().signal);
    await Promise.resolve();
    pauses.releaseAll();
    assert.deepStrictEqual((await ali)?.hits, ['alice']);
    assert.deepStrictEqual(dir.asked, ['a', 'ali']);
  });

  it('shares one request between callers of the same prefix, even when the first gives up waiting', async () => {
    const dir = directory();
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const slow = async (s: string, p: string) => {
      await gate;
      return dir.fetch(s, p);
    };
    const { lookups, pauses } = lookupsOver(slow);
    const first = new AbortController();
    const one = lookups.lookup('user', 'b', first.signal);
    pauses.releaseAll();
    await new Promise((r) => setImmediate(r));
    first.abort();
    assert.strictEqual(await one, undefined);
    const two = lookups.lookup('user', 'b', new AbortController().signal);
    release();
    assert.deepStrictEqual((await two)?.hits, ['bob']);
    assert.strictEqual(lookups.sent, 1);
  });
});
