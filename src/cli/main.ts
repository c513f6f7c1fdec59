// The `pim-groups` command line. Each command lives in ./commands/<name>.ts and is loaded on use.
import * as readline from 'node:readline/promises';
import { DiscoveryError } from '../definitions/discovery';
import { CliCommand, CliIo, EXIT_CANCELLED, UsageError } from './io';
import { forTerminal } from '../text/escape';
import { CancelledError, isCancelled } from '../graph/errors';

/** What a cancel before any write means, per command (apply reports its own count once writing has begun). */
const CANCELLED: Record<string, string> = {
  apply: 'Cancelled: nothing was applied.',
  plan: 'Cancelled: nothing was written.',
  export: 'Cancelled: nothing was written.',
};

// A Map, so that a command name is looked up among the commands only (`pim-groups constructor` is unknown).
const commands = new Map<string, () => Promise<CliCommand>>(
  Object.entries({
    validate: async () => (await import('./commands/validate')).command,
    plan: async () => (await import('./commands/plan')).command,
    apply: async () => (await import('./commands/apply')).command,
    export: async () => (await import('./commands/export')).command,
    activate: async () => (await import('./commands/activate')).command,
    deactivate: async () => (await import('./commands/deactivate')).command,
    approvals: async () => (await import('./commands/approvals')).command,
    approve: async () => (await import('./commands/approve')).command,
    deny: async () => (await import('./commands/deny')).command,
    history: async () => (await import('./commands/history')).command,
    report: async () => (await import('./commands/report')).command,
    demo: async () => (await import('./commands/demo')).command,
    sandbox: async () => (await import('./commands/sandbox')).command,
    token: async () => (await import('./commands/token')).command,
    doctor: async () => (await import('./commands/doctor')).command,
  }),
);

/** Each command with its one-line summary, which lives with the command (loading them all costs nothing in the bundle). */
export async function usage(): Promise<string> {
  const lines = ['Usage: pim-groups <command> [options]', '', 'Commands:'];
  const summaries = await Promise.all(
    [...commands].map(async ([name, load]) => [name, (await load()).summary] as const),
  );
  const width = Math.max(...summaries.map(([n]) => n.length));
  for (const [name, summary] of summaries) lines.push(`  ${name.padEnd(width)}  ${summary}`);
  lines.push('', "Run `pim-groups <command> --help` for a command's options; docs/cli.md describes them all.");
  return lines.join('\n');
}

export async function main(argv: string[], io: CliIo): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    io.out(await usage());
    return name ? 0 : 2;
  }
  // A require, not an import: esbuild inlines the version into dist/cli.js, and tsc does not copy package.json to out/.
  if (name === '--version') {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    io.out(require('../../package.json').version);
    return 0;
  }
  const load = commands.get(name);
  if (!load) {
    io.err(`pim-groups: unknown command '${name}'.\n\n${await usage()}`);
    return 2;
  }
  try {
    return await (await load()).run(rest, io);
  } catch (e) {
    // Ctrl+C: a first-class outcome, whatever the interrupted read threw on its way out.
    if (isCancelled(e) || io.signal.aborted) {
      io.err(`pim-groups ${name}: ${CANCELLED[name] ?? 'Cancelled.'}`);
      return EXIT_CANCELLED;
    }
    // A path that names nothing is a mistake on the command line; an unreadable one is not (exit 1, with the path).
    const misnamed = e instanceof DiscoveryError && (e.problem === 'missing' || e.problem === 'no-match');
    if (e instanceof UsageError || misnamed) {
      io.err(`pim-groups ${name}: ${e.message}\nRun 'pim-groups ${name} --help' for usage.`);
      return 2;
    }
    io.err(`pim-groups ${name}: ${forTerminal((e as Error).message)}`);
    return 1;
  }
}

function processIo(): CliIo {
  const controller = new AbortController();
  // Once: a second Ctrl+C ends the process at once (the default), for a user who does not want to wait.
  process.once('SIGINT', () => controller.abort(new CancelledError('Cancelled (Ctrl+C)')));
  return {
    out: (l) => process.stdout.write(l + '\n'),
    write: (t) => process.stdout.write(t),
    err: (l) => process.stderr.write(l + '\n'),
    isTty: Boolean(process.stdout.isTTY),
    cwd: process.cwd(),
    env: process.env,
    signal: controller.signal,
    async confirm(question) {
      if (!process.stdin.isTTY) return false;
      const rl = readline.createInterface({ input: process.stdin, output: process.stdout });
      try {
        return /^y(es)?$/i.test((await rl.question(`${question} [y/N] `)).trim());
      } finally {
        rl.close();
      }
    },
  };
}

if (require.main === module) {
  main(process.argv.slice(2), processIo()).then((code) => {
    process.exitCode = code;
  });
}
