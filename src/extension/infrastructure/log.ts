// The logging contract every feature receives. The implementation over VS Code's LogOutputChannel is in
// logChannel.ts; this file stays free of `vscode` so pure modules can take a Log.

export interface Log {
  trace(message: string): void;
  debug(message: string): void;
  info(message: string): void;
  warn(message: string): void;
  /** Logs the message and, for an Error, its stack. */
  error(message: string, error?: unknown): void;
  /** Reveals the log to the user. */
  show(): void;
}
