// What a CLI command talks to. Commands never touch process.* directly, so tests run them in-process.
export interface CliIo {
  out(line: string): void;
  /** Writes without a newline (a live progress line on a terminal); absent where output is line-based. */
  write?(text: string): void;
  err(line: string): void;
  /** True when stdout is a terminal (progress display, colours). */
  isTty: boolean;
  cwd: string;
  env: NodeJS.ProcessEnv;
  /** Asks a yes/no question on a TTY; resolves false when there is no TTY. */
  confirm(question: string): Promise<boolean>;
  /** Aborted on Ctrl+C. */
  signal: AbortSignal;
}

/** The shell's convention for a run ended by SIGINT (128 + 2), so scripts can tell a cancel from a failure. */
export const EXIT_CANCELLED = 130;

/** A usage error: exit code 2 with the message and a hint to run --help. */
export class UsageError extends Error {}

export type CommandRun = (args: string[], io: CliIo) => Promise<number>;
export interface CliCommand {
  summary: string;
  run: CommandRun;
}
