// The one command wrapper: registers a command, runs it in the error boundary, shows a failure as one
// sentence with "Show Log", and remembers each outcome for host tests.
import * as vscode from 'vscode';
import { UserFacingError } from './errors';
import { CommandOutcome, runInErrorBoundary } from './errorBoundary';
import { Log } from './log';

const SHOW_LOG = 'Show Log';
const KEPT_OUTCOMES = 200;

// VS Code passes a command whatever its caller chose (tree items, URIs, nothing): handlers narrow their own arguments.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type CommandHandler = (...args: any[]) => unknown;

export class CommandRegistrar {
  private readonly recent: CommandOutcome[] = [];

  constructor(
    private readonly context: vscode.ExtensionContext,
    private readonly log: Log,
  ) {}

  /** Registers `id` (a `pimGroups.*` or `_pimGroups.*` id listed in commandIds.ts) for the extension's lifetime. */
  register(id: string, handler: CommandHandler): void {
    const disposable = vscode.commands.registerCommand(id, async (...args: unknown[]) => {
      const result = await runInErrorBoundary(id, this.log, () => handler(...args));
      this.remember(result.outcome);
      if (result.outcome.outcome === 'failed') void this.showFailure(result.error, result.outcome.error ?? '');
      return result.value;
    });
    this.context.subscriptions.push(disposable);
  }

  /** Outcomes of the most recent command runs, oldest first. */
  outcomes(): readonly CommandOutcome[] {
    return this.recent;
  }

  private remember(outcome: CommandOutcome): void {
    this.recent.push(outcome);
    if (this.recent.length > KEPT_OUTCOMES) this.recent.shift();
  }

  private async showFailure(error: unknown, sentence: string): Promise<void> {
    const actions = error instanceof UserFacingError ? error.actions : [];
    const chosen = await vscode.window.showErrorMessage(sentence, ...actions.map((a) => a.title), SHOW_LOG);
    if (chosen === SHOW_LOG) this.log.show();
    else await actions.find((a) => a.title === chosen)?.run();
  }
}
