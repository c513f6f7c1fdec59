// The one error policy for commands, pure so it is unit-tested: log start and duration, swallow user
// cancellation, log the stack of a failure and hand one sentence to whoever shows it to the user.
import { isUserCancelled, oneSentence } from './errors';
import { Log } from './log';

export type CommandOutcomeKind = 'succeeded' | 'cancelled' | 'failed';

export interface CommandOutcome {
  id: string;
  outcome: CommandOutcomeKind;
  durationMs: number;
  /** One sentence, for failures. */
  error?: string;
}

export interface BoundaryResult<T> {
  outcome: CommandOutcome;
  value?: T;
  error?: unknown;
}

export async function runInErrorBoundary<T>(
  id: string,
  log: Log,
  run: () => Promise<T> | T,
  now: () => number = () => performance.now(),
): Promise<BoundaryResult<T>> {
  const started = now();
  const elapsed = () => Math.round((now() - started) * 10) / 10;
  log.info(`${id}: started`);
  try {
    const value = await run();
    const outcome: CommandOutcome = { id, outcome: 'succeeded', durationMs: elapsed() };
    log.info(`${id}: succeeded in ${outcome.durationMs} ms`);
    return { outcome, value };
  } catch (error) {
    if (isUserCancelled(error)) {
      const outcome: CommandOutcome = { id, outcome: 'cancelled', durationMs: elapsed() };
      log.info(`${id}: cancelled by the user after ${outcome.durationMs} ms (${oneSentence(error)})`);
      return { outcome };
    }
    const outcome: CommandOutcome = { id, outcome: 'failed', durationMs: elapsed(), error: oneSentence(error) };
    log.error(`${id}: failed after ${outcome.durationMs} ms`, error);
    return { outcome, error };
  }
}
