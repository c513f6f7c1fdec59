// The per-operation ledger of one apply run: dependency checks, progress events, the final counts.
import { redact } from '../graph/redact';
import { GraphRequestError } from '../graph/errors';
import type { Operation } from '../plan/model';
import type { ApplyEvent, OperationOutcome, OutcomeStatus } from './model';

export class Ledger {
  private readonly outcomes = new Map<string, OperationOutcome>();
  private finished = 0;
  constructor(
    private readonly ops: Operation[],
    private readonly emit: (e: ApplyEvent) => void,
  ) {}

  status(id: string): OutcomeStatus | undefined {
    return this.outcomes.get(id)?.status;
  }

  /** Marks an operation whose prerequisite did not succeed as skipped; true when it may run. */
  ready(op: Operation): boolean {
    if (this.outcomes.has(op.id)) return false;
    const blocked = op.dependsOn.find((d) => this.status(d) !== 'done');
    if (!blocked) return true;
    const why = this.status(blocked);
    this.settle(
      op,
      why === 'cancelled' ? 'cancelled' : 'skipped',
      `not attempted: '${blocked}' ${why ?? 'did not run'}`,
    );
    return false;
  }

  settle(op: Operation, status: OutcomeStatus, detail?: unknown): void {
    if (this.outcomes.has(op.id)) return;
    const message =
      detail === undefined ? undefined : redact(detail instanceof Error ? detail.message : String(detail));
    const requestId = detail instanceof GraphRequestError ? detail.requestId : undefined;
    const outcome: OperationOutcome = {
      id: op.id,
      kind: op.kind,
      groupKey: op.groupKey,
      summary: op.summary,
      status,
      ...(message ? { message } : {}),
      ...(requestId ? { requestId } : {}),
    };
    this.outcomes.set(op.id, outcome);
    this.emit({ type: 'operation', outcome, done: ++this.finished, total: this.ops.length });
  }

  /** Everything not settled yet becomes cancelled (the run stopped between steps). */
  cancelRest(): void {
    for (const op of this.ops) this.settle(op, 'cancelled', 'not attempted: apply was cancelled');
  }

  all(): OperationOutcome[] {
    return this.ops.map((op) => this.outcomes.get(op.id)!).filter(Boolean);
  }
}
