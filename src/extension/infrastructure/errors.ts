// The extension's error vocabulary. Pure: no `vscode`, so unit tests can use it.

/** Thrown by every prompt when the user presses Escape; the command wrapper swallows it silently. */
export class UserCancelledError extends Error {
  constructor(step?: string) {
    super(step ? `Cancelled at: ${step}` : 'Cancelled by the user');
    this.name = 'UserCancelledError';
  }
}

/** A button on an error toast ("Retry", "Sign In Again") and what it does. */
export interface ErrorAction { title: string; run(): unknown }

/** An error whose message is written for the user (what failed, why, what to do); shown as is, with actions. */
export class UserFacingError extends Error {
  constructor(message: string, readonly actions: readonly ErrorAction[] = []) {
    super(message);
    this.name = 'UserFacingError';
  }
}

export function isUserCancelled(error: unknown): boolean {
  return error instanceof UserCancelledError || (error instanceof Error && error.name === 'UserCancelledError');
}

/** One sentence for a toast; the stack goes to the log only. */
export function oneSentence(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  const firstLine = text.split(/\r?\n/, 1)[0].trim() || 'Unknown error';
  return firstLine.length > 300 ? `${firstLine.slice(0, 297)}...` : firstLine;
}
