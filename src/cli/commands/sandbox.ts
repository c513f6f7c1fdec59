// `pim-groups sandbox`: serves the local sandbox tenant until Ctrl+C. Prints exactly one line,
// `listening on http://127.0.0.1:PORT`, so scripts and the VS Code host tests can read the URL.
import { CliCommand, UsageError } from '../io';
import { bool, OptionSpecs, parseOptions, renderHelp, str } from '../options';
import type { SandboxOptions } from '../../sandbox';
import { parseFaultSpec, parseThrottle } from '../../sandbox/faults';
import { isSeedName, SEED_NAMES } from '../../sandbox/seed/seeds';

const OPTIONS: OptionSpecs = {
  port: { type: 'string', value: 'N', description: 'port (default: a free port)' },
  seed: {
    type: 'string',
    value: 'NAME',
    description:
      'demo: the tenant of docs/demo-tenant.md (default); empty: only its administrator; no-p2: demo without a PIM-capable licence',
  },
  data: {
    type: 'string',
    value: 'FILE',
    description: 'keep the tenant in FILE (loaded when it exists, saved atomically on every change)',
  },
  latency: { type: 'string', value: 'MS', description: 'added to every response' },
  faults: {
    type: 'string',
    value: 'SPEC',
    description: 'seeded faults, e.g. seed=42,rate=0.1,kinds=429+503+reset,retryAfter=1',
  },
  throttle: {
    type: 'string',
    value: 'N/MS',
    description: 'per-caller budget, e.g. 100/10000 (429 + Retry-After beyond it)',
  },
  'write-throttle': {
    type: 'string',
    value: 'N/MS',
    description: 'per-caller budget for writes alone, on top of --throttle, e.g. 10/1000',
  },
  'consistency-lag': {
    type: 'string',
    value: 'MS',
    description: 'eventual consistency: new groups and schedules replicate within MS (off by default)',
  },
};

const HELP = renderHelp({
  usage:
    'pim-groups sandbox [--port N] [--seed demo|empty|no-p2] [--data FILE] [--latency MS] [--faults SPEC] [--throttle N/MS] [--write-throttle N/MS] [--consistency-lag MS]',
  about: ['', 'Serves a local Graph-compatible PIM for Groups tenant on 127.0.0.1 (Graph at /v1.0 and /beta).'],
  options: [['', OPTIONS]],
  footer: ['Call it with a token from `pim-groups token --as admin@contoso.com`.'],
});

export function parseSandboxArgs(args: string[]): SandboxOptions | 'help' {
  const p = parseOptions(args, OPTIONS);
  if (bool(p, 'help')) return 'help';
  const num = (flag: string) => {
    const v = str(p, flag);
    if (v === undefined) return undefined;
    const n = Number(v);
    if (!/^\d+$/.test(v) || !Number.isSafeInteger(n))
      throw new UsageError(`--${flag} needs a non-negative whole number.`);
    return n;
  };
  const seed = str(p, 'seed');
  if (seed !== undefined && !isSeedName(seed)) throw new UsageError(`--seed must be one of ${SEED_NAMES.join(', ')}.`);
  // The fault and throttle specs have their own parsers in the sandbox; their complaints are usage errors here.
  const spec = <T>(flag: string, parse: (v: string) => T) => {
    const v = str(p, flag);
    try {
      return v === undefined ? undefined : parse(v);
    } catch (e) {
      throw new UsageError((e as Error).message);
    }
  };
  const o: SandboxOptions = {
    port: num('port'),
    seed,
    dataFile: str(p, 'data'),
    latencyMs: num('latency'),
    faults: spec('faults', parseFaultSpec),
    throttle: spec('throttle', parseThrottle),
    writeThrottle: spec('write-throttle', parseThrottle),
    consistencyLagMs: num('consistency-lag'),
  };
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as SandboxOptions;
}

export const command: CliCommand = {
  summary: 'Serve the local sandbox tenant (Graph-compatible PIM for Groups) on 127.0.0.1',
  async run(args, io) {
    const parsed = parseSandboxArgs(args);
    if (parsed === 'help') {
      io.out(HELP);
      return 0;
    }
    const { startSandbox } = await import('../../sandbox');
    const sb = await startSandbox(parsed);
    io.out(`listening on ${sb.url}`);
    await new Promise<void>((resolve) => {
      if (io.signal.aborted) resolve();
      io.signal.addEventListener('abort', () => resolve(), { once: true });
      process.once('SIGTERM', () => resolve());
    });
    await sb.close();
    return 0;
  },
};
