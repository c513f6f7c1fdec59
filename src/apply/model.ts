// What apply reports: an outcome per plan operation, progress events while it runs, and whether the tenant
// converged to the plan afterwards.
import type { Operation } from '../plan/model';

export type OutcomeStatus = 'done' | 'failed' | 'skipped' | 'cancelled';

export interface OperationOutcome {
  id: string;
  kind: Operation['kind'];
  groupKey: string;
  summary: string;
  status: OutcomeStatus;
  /** Why it failed or was skipped (redacted); with Graph's request-id when there is one. */
  message?: string;
  requestId?: string;
}

export type ApplyEvent =
  | { type: 'phase'; phase: string; total: number }
  | { type: 'operation'; outcome: OperationOutcome; done: number; total: number }
  | { type: 'verify' };

export interface ApplyReport {
  outcomes: OperationOutcome[];
  cancelled: boolean;
  /** Every operation done and the tenant re-read to match every one of them. */
  converged: boolean;
  /** Postconditions that did not hold on the re-read (empty when converged). */
  notConverged: string[];
  counts: Record<OutcomeStatus, number>;
  /** Each planned group's id after the run (groups it created included), for the applied record. */
  groupIds?: Record<string, string>;
}

/**
 * Errors the engine throws to its callers carry a stable `code`: the extension's own bundle has its own copies of
 * the classes (or none), so it matches the code, never the class or its name.
 */
export class StalePlanError extends Error {
  readonly code = 'PIM_STALE_PLAN';
  constructor() {
    super(
      'The tenant changed since this plan was made (its fingerprint no longer matches a fresh read). Nothing was applied; make a new plan and review it.',
    );
    this.name = 'StalePlanError';
  }
}

export class PlanHasErrorsError extends Error {
  readonly code = 'PIM_PLAN_HAS_ERRORS';
  constructor(count: number) {
    super(`The plan has ${count} error(s); fix them and plan again. Nothing was applied.`);
    this.name = 'PlanHasErrorsError';
  }
}
