// What the readiness check reports: one result per check, each with what was found and, when it is not a pass, how to
// fix it. Plain data: the CLI prints it (text or JSON) and the editor renders it. Text in `what`, `fix` and
// `details` may hold tenant names: each sink escapes it (src/text/escape.ts).

export type ReadinessStatus = 'pass' | 'warn' | 'fail';

export interface ReadinessResult {
  /** Stable: `licence`, `permissions.plan`, `roles`, `binding.intuneRole`, `groups`, ... */
  id: string;
  status: ReadinessStatus;
  /** One sentence: what was checked and found. */
  what: string;
  /** What to do, for a warning or a failure. */
  fix?: string;
  /** One line per item (a group, a missing permission). */
  details?: string[];
}

export interface ReadinessReport {
  target: string;
  results: ReadinessResult[];
}

/** Warnings do not fail: a report fails only when a check fails. */
export const readinessFailed = (r: ReadinessReport) => r.results.some((x) => x.status === 'fail');

/** A read that may fail on its own without stopping the other checks. */
export type Outcome<T> = { ok: true; value: T } | { ok: false; error: string };

export async function settle<T>(work: () => Promise<T>): Promise<Outcome<T>> {
  try {
    return { ok: true, value: await work() };
  } catch (e) {
    return { ok: false, error: e instanceof Error ? e.message : String(e) };
  }
}
