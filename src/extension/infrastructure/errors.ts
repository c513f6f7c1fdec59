// The extension's error vocabulary. Pure: no `vscode`, so unit tests can use it.

/** Thrown by every prompt when the user presses Escape; the command wrapper swallows it silently. */
export class UserCancelledError extends Error {
  constructor(step?: string) {
    super(step ? `Cancelled at: ${step}` : 'Cancelled by the user');
    this.name = 'UserCancelledError';
  }

  readonly code = 'UserCancelled';
}

/** A button on an error toast ("Retry", "Sign In Again") and what it does. */
export interface ErrorAction {
  title: string;
  run(): unknown;
}

/** An error whose message is written for the user (what failed, why, what to do); shown as is, with actions. */
export class UserFacingError extends Error {
  constructor(
    message: string,
    readonly actions: readonly ErrorAction[] = [],
  ) {
    super(message);
    this.name = 'UserFacingError';
  }
}

/**
 * Errors are matched by a stable `code` property, never by class or name: the engine runs in its own bundle
 * (dist/engine.js), so its classes are not the extension's. Codes: PIM_STALE_PLAN, PIM_ACTIVATION_REFUSED, PIM_CANCELLED (engine),
 * UserCancelled (here); an aborted fetch is a DOMException with code ABORT_ERR.
 */
export function hasCode(error: unknown, code: string | number): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === code;
}

/** The user stopped it: Escape on a prompt, Cancel on a progress notification, or an aborted request. */
export function isUserCancelled(error: unknown): boolean {
  return hasCode(error, 'UserCancelled');
}

export function isAborted(error: unknown): boolean {
  return (
    hasCode(error, 'PIM_CANCELLED') ||
    hasCode(error, 'UserCancelled') ||
    hasCode(error, 20 /* DOMException.ABORT_ERR */)
  );
}

/** One sentence for a toast; the stack goes to the log only. */
export function oneSentence(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  const firstLine = text.split(/\r?\n/, 1)[0].trim() || 'Unknown error';
  return firstLine.length > 300 ? `${firstLine.slice(0, 297)}...` : firstLine;
}
