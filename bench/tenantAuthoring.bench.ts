// Graph requests made while typing a 40-character principal reference at 10 characters per second, against the
// sandbox over real HTTP: the editor's real completion path (context at the cursor, prefix split, debounced and
// cached lookups, the engine's directory search) beside the same path with no pause and no cache, in one run.
// Each keystroke asks for completion and cancels the previous request, as the editor does while the list is
// incomplete (the worst case). Target: ≤ 3 requests with debounce and cache.
import { startSandbox } from '../src/sandbox';
import { addUser } from '../src/sandbox/seed/build';
import { sandboxTokenSource } from '../src/auth/tokenSource';
import { GraphTransport } from '../src/graph/transport';
import { searchPrincipals, PrincipalHit } from '../src/tenant/directorySearch';
import type { PrincipalKind } from '../src/definitions/principalReference';
import { completionContextAt } from '../src/extension/tenantAuthoring/completionContext';
import { splitReference, hitMatches } from '../src/extension/tenantAuthoring/principalItems';
import { DebouncedLookups, LOOKUP_DELAY_MS, LOOKUP_TTL_MS } from '../src/extension/tenantAuthoring/debouncedLookups';
import { PrefixCache } from '../src/extension/tenantAuthoring/prefixCache';

const TYPED = 'user:alexandra.featherstone-hughes@contoso.com'.slice(0, 40);
const KEYSTROKE_MS = 100;
const LINE = '    - principal: ';
const DOC = ['apiVersion: pim-groups/v1', 'kind: PimGroup', 'assignments:', '  eligible:'];

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface Run {
  requests: number;
  offered: boolean;
}

/** Types TYPED one key every KEYSTROKE_MS (with an optional pause after `pauseAfter` keys), then waits for the end. */
async function type(lookups: DebouncedLookups<PrincipalHit>, pauseAfter?: number): Promise<Run> {
  let previous: AbortController | undefined;
  let last: Promise<unknown> = Promise.resolve();
  let offered = false;
  for (let n = 1; n <= TYPED.length; n++) {
    previous?.abort();
    const lines = [...DOC, LINE + TYPED.slice(0, n)];
    const ctx = completionContextAt(lines, lines.length - 1, lines[lines.length - 1].length);
    const ref = ctx && splitReference(ctx.prefix);
    if (ref) {
      const abort = (previous = new AbortController());
      last = lookups.lookup(ref.kind, ref.text, abort.signal).then((page) => {
        if (n === TYPED.length) offered = Boolean(page?.hits.some((h) => `user:${h.value}`.startsWith(TYPED)));
      });
    }
    await sleep(n === pauseAfter ? 1000 : KEYSTROKE_MS);
  }
  await last;
  return { requests: lookups.sent, offered };
}

async function main(): Promise<void> {
  const sb = await startSandbox({ seed: 'demo' });
  // Thirty more people whose names start "al", so the first pages are full and narrowing must ask again.
  for (let i = 0; i < 30; i++) addUser(sb.state, `al.user${i}@contoso.com`, `Al User ${i}`);
  addUser(sb.state, 'alexandra.featherstone-hughes@contoso.com', 'Alexandra Featherstone-Hughes');
  const t = new GraphTransport({
    baseUrl: sb.url,
    credential: sandboxTokenSource({ upn: 'admin@contoso.com', mfa: true }),
  });
  const fetch = (kind: string, prefix: string, signal: AbortSignal) =>
    searchPrincipals(t, kind as PrincipalKind, prefix, signal);
  const real = () => new DebouncedLookups(new PrefixCache(LOOKUP_TTL_MS, hitMatches), fetch, LOOKUP_DELAY_MS);
  // No pause and nothing remembered: a lifetime of 0 expires every entry at once.
  const naive = () => new DebouncedLookups(new PrefixCache(0, hitMatches), fetch, 0);
  try {
    console.log(`typing '${TYPED}' (${TYPED.length} characters) at ${1000 / KEYSTROKE_MS} characters per second`);
    console.log('scenario                          debounce+cache   no debounce, no cache   ratio');
    for (const [name, pause] of [
      ['steady typing', undefined],
      ['one 1 s pause after "user:al"', 'user:al'.length],
    ] as const) {
      const a = await type(real(), pause);
      const b = await type(naive(), pause);
      const ratio = a.requests ? (b.requests / a.requests).toFixed(1) : '∞';
      console.log(
        `${name.padEnd(34)}${String(a.requests).padEnd(17)}${String(b.requests).padEnd(24)}${ratio}x fewer` +
          (a.offered ? '' : '   (the typed user was NOT offered at the end)'),
      );
      if (a.requests > 3) process.exitCode = 1;
    }
    console.log(`target: ≤ 3 requests with debounce (${LOOKUP_DELAY_MS} ms) and cache (${LOOKUP_TTL_MS / 1000} s)`);
  } finally {
    await sb.close();
  }
}

void main();
