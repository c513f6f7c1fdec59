// When and how to warn that an elevation is about to end. Pure: no `vscode`.
import { timeLeft } from '../../time';

export const WARN_BEFORE_MS = 10 * 60_000;

export interface Elevation {
  groupName: string;
  role: string;
  end: string;
}

/** The warning to show at `now`, or undefined while more than 10 minutes are left (or it has ended). */
export function elevationWarning(e: Elevation, now: number = Date.now()): string | undefined {
  const msLeft = Date.parse(e.end) - now;
  if (!(msLeft > 0 && msLeft <= WARN_BEFORE_MS)) return undefined;
  return `Your ${e.role} access to ${e.groupName} ends in ${timeLeft(e.end, now).replace(' left', '')}.`;
}
