// `pim-groups sandbox`: serves the local sandbox tenant until Ctrl+C. Prints `listening on http://127.0.0.1:PORT`
// first, so scripts and the VS Code host tests can read the URL; with --identity a second line names the identity
// endpoint (the authority host) and the CA file to pass as NODE_EXTRA_CA_CERTS.
import { CliCommand, UsageError } from '../io';
import type { SandboxOptions } from '../../sandbox';
import { parseFaultSpec, parseThrottle } from '../../sandbox/faults';

const HELP = `Usage: pim-groups sandbox [--port N] [--seed demo|empty] [--data FILE] [--latency MS] [--faults SPEC] [--throttle N/MS]
                         [--identity [--ca-file FILE]] [--require-signed-tokens]

Serves a local Graph-compatible PIM for Groups tenant on 127.0.0.1 (Graph at /v1.0 and /beta).
  --port N          port (default: a free port)
  --seed demo|empty the demo tenant of docs/demo-tenant.md (default) or an empty one
  --data FILE       keep the tenant in FILE (loaded when it exists, saved atomically on every change)
  --latency MS      added to every response
  --faults SPEC     seeded faults, e.g. seed=42,rate=0.1,kinds=429+503+reset,retryAfter=1
  --throttle N/MS   per-caller budget, e.g. 100/10000 (429 + Retry-After beyond it)
  --identity        also serve an Entra-like identity endpoint over HTTPS (signed tokens; docs/sandbox.md)
  --ca-file FILE    write the identity endpoint's CA certificate here (for NODE_EXTRA_CA_CERTS)
  --require-signed-tokens  refuse the unsigned sandbox tokens (only the identity endpoint's signed ones)
Call it with a token from \`pim-groups token --as admin@contoso.com\`.`;

export function parseSandboxArgs(args: string[]): SandboxOptions | 'help' {
  try { return parse(args); } catch (e) { throw e instanceof UsageError ? e : new UsageError((e as Error).message); }
}

function parse(args: string[]): SandboxOptions | 'help' {
  const o: SandboxOptions = {};
  const num = (flag: string, v: string | undefined) => {
    const n = Number(v);
    if (v === undefined || !Number.isInteger(n) || n < 0) throw new UsageError(`${flag} needs a non-negative whole number.`);
    return n;
  };
  for (let i = 0; i < args.length; i++) {
    const a = args[i], v = args[i + 1];
    switch (a) {
      case '--help': case '-h': return 'help';
      case '--port': o.port = num(a, v); i++; break;
      case '--seed':
        if (v !== 'demo' && v !== 'empty') throw new UsageError('--seed must be demo or empty.');
        o.seed = v; i++; break;
      case '--data': if (!v) throw new UsageError('--data needs a file.'); o.dataFile = v; i++; break;
      case '--latency': o.latencyMs = num(a, v); i++; break;
      case '--faults': o.faults = parseFaultSpec(v ?? ''); i++; break;
      case '--throttle': o.throttle = parseThrottle(v ?? ''); i++; break;
      case '--identity': o.identity = typeof o.identity === 'object' ? o.identity : {}; break;
      case '--ca-file': if (!v) throw new UsageError('--ca-file needs a file.'); o.identity = { caFile: v }; i++; break;
      case '--require-signed-tokens': o.requireSignedTokens = true; break;
      default: throw new UsageError(`unknown option '${a}'.`);
    }
  }
  return o;
}

export const command: CliCommand = {
  summary: 'Serve the local sandbox tenant (Graph-compatible PIM for Groups) on 127.0.0.1',
  async run(args, io) {
    const parsed = parseSandboxArgs(args);
    if (parsed === 'help') { io.out(HELP); return 0; }
    const { startSandbox } = await import('../../sandbox');
    const sb = await startSandbox(parsed);
    io.out(`listening on ${sb.url}`);
    if (sb.identity) io.out(`identity on ${sb.identity.url}${sb.identity.caFile ? ` (CA certificate: ${sb.identity.caFile})` : ''}`);
    await new Promise<void>((resolve) => {
      if (io.signal.aborted) resolve();
      io.signal.addEventListener('abort', () => resolve(), { once: true });
      process.once('SIGTERM', () => resolve());
    });
    await sb.close();
    return 0;
  },
};
