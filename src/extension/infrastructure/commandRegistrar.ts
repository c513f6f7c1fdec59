// The one command wrapper: registers a command, runs it in the error boundary, shows a failure as one
// sentence with "Show Log", and remembers each outcome for host tests.
import * as vscode from 'vscode';
import { ErrorAction, UserFacingError } from './errors';
import { CommandOutcome, runInErrorBoundary } from './errorBoundary';
import { Log } from './log';

const SHOW_LOG = 'Show Log';
const KEPT_OUTCOMES = 200;

// VS Code passes a command whatever its caller chose (tree items, URIs, nothing): handlers narrow their own arguments.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type CommandHandler = (...args: any[]) => unknown;

/**
 * Turns a failure a feature knows better (e.g. a refused connection: the connection feature) into its sentence and
 * actions; `retry` runs the failed command again. Undefined: not this explainer's failure.
 */
export type FailureExplainer = (
  error: unknown,
  retry: () => unknown,
) => { sentence: string; actions: ErrorAction[] } | undefined;

export class CommandRegistrar {
  private readonly recent: CommandOutcome[] = [];
  private readonly explainers: FailureExplainer[] = [];

  constructor(
    private readonly context: vscode.ExtensionContext,
    private readonly log: Log,
  ) {}

  /** Registers `id` (a `pimGroups.*` or `_pimGroups.*` id listed in commandIds.ts) for the extension's lifetime. */
  register(id: string, handler: CommandHandler): void {
    const disposable = vscode.commands.registerCommand(id, async (...args: unknown[]) => {
      const result = await runInErrorBoundary(id, this.log, () => handler(...args));
      const retry = () => vscode.commands.executeCommand(id, ...args);
      const failed = result.outcome.outcome === 'failed';
      const explained = failed
        ? this.explainers.map((explain) => explain(result.error, retry)).find(Boolean)
        : undefined;
      if (explained) result.outcome.error = explained.sentence;
      this.remember(result.outcome);
      if (failed) void this.showFailure(result.error, result.outcome.error ?? '', explained);
      return result.value;
    });
    this.context.subscriptions.push(disposable);
  }

  /** Failures `explain` recognises are shown with its sentence and actions. */
  explainFailuresWith(explain: FailureExplainer): void {
    this.explainers.push(explain);
  }

  /** Outcomes of the most recent command runs, oldest first. */
  outcomes(): readonly CommandOutcome[] {
    return this.recent;
  }

  private remember(outcome: CommandOutcome): void {
    this.recent.push(outcome);
    if (this.recent.length > KEPT_OUTCOMES) this.recent.shift();
  }

  private async showFailure(
    error: unknown,
    sentence: string,
    explained?: { actions: readonly ErrorAction[] },
  ): Promise<void> {
    const actions = explained?.actions ?? (error instanceof UserFacingError ? error.actions : []);
    const chosen = await vscode.window.showErrorMessage(sentence, ...actions.map((a) => a.title), SHOW_LOG);
    if (chosen === SHOW_LOG) this.log.show();
    else await actions.find((a) => a.title === chosen)?.run();
  }
}
