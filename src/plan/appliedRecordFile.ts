// The applied record on disk (.pim-groups/applied.json beside the definitions), shared by the CLI and the editor so
// both tell drift from changes the same way. Node only; no Graph.
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { AppliedRecord } from './appliedRecord';
import type { Plan } from './model';

/** The record, or undefined when there is none (or it cannot be read: the next plan then treats differences as changes). */
export function readAppliedRecord(file: string): AppliedRecord | undefined {
  try { return JSON.parse(fs.readFileSync(file, 'utf8')) as AppliedRecord; } catch { return undefined; }
}

export function writeAppliedRecord(file: string, record: AppliedRecord): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, JSON.stringify(record, null, 2) + '\n'); // data read back: never redacted
}

/**
 * The record after a converged apply of `plan`: its desired state over the previous record's other groups, because
 * a workspace may be applied a few files at a time. Undefined when the plan carries no desired state.
 */
export function recordAfterApply(previous: AppliedRecord | undefined, plan: Plan, now = new Date()): AppliedRecord | undefined {
  if (!plan.basis.desired) return undefined;
  const kept = previous?.target === plan.target ? previous.groups : {};
  return { formatVersion: 1, target: plan.target, appliedAt: now.toISOString(), groups: { ...kept, ...plan.basis.desired } };
}
