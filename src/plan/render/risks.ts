// What a reviewer must look at before anything else: the counts, then every removal and every risky change, each
// operation under its most serious kind. One summary for the terminal plan, the editor's preview and the Apply
// modal, so the three never disagree about what is risky. Pure (the extension bundles it).
import type { Operation, Plan, RiskMark } from '../model';

export type RiskKind = 'removal' | 'irreversible' | 'privileged' | 'permanent' | 'weakens-policy' | 'drift' | 'renewal';

export interface RiskGroup {
  kind: RiskKind;
  /** What the operations of this kind do, in words ("Removes access"). */
  title: string;
  /** Why a reviewer looks twice, for a hover or a second line. */
  why: string;
  ops: Operation[];
}

export interface RiskSummary {
  /** "2 to add, 6 to change, 1 to remove, in 1 group." */
  counts: string;
  /** Most serious kind first; kinds without operations left out. */
  risks: RiskGroup[];
}

/** Most serious first: an operation is listed once, under the first kind it has. */
const KINDS: readonly Omit<RiskGroup, 'ops'>[] = [
  { kind: 'removal', title: 'Removes', why: 'access or a grant ends when this is applied' },
  { kind: 'irreversible', title: 'Irreversible', why: 'the service never undoes it' },
  { kind: 'privileged', title: 'Grants a privileged role', why: 'Microsoft marks the role privileged' },
  { kind: 'permanent', title: 'Permanent access', why: 'an assignment without an end' },
  { kind: 'weakens-policy', title: 'Weakens a policy', why: 'activation or assignment gets easier' },
  { kind: 'drift', title: 'Undoes changes made in the tenant', why: 'someone changed it since the last apply' },
  { kind: 'renewal', title: 'Grants expired access again', why: 'renew: auto re-grants an expired assignment' },
];

/** A binding that gives the group a role Microsoft marks privileged (isPrivileged). */
function grantsPrivilegedRole(op: Operation): boolean {
  return (
    op.kind === 'binding' && op.action !== 'remove' && op.detail.binding === 'directoryRole' && op.detail.privileged
  );
}

function kindsOf(op: Operation): RiskKind[] {
  const kinds: RiskKind[] = [...op.marks];
  if (op.kind === 'removeAssignment' || (op.kind === 'binding' && op.action === 'remove')) kinds.push('removal');
  if (grantsPrivilegedRole(op)) kinds.push('privileged');
  return kinds;
}

export function riskSummary(plan: Plan): RiskSummary {
  const s = plan.summary;
  const changed = plan.groups.filter((g) => g.operations.length).length;
  const counts =
    `${s.add} to add, ${s.change} to change, ${s.remove} to remove${s.drift ? `, ${s.drift} drift` : ''}, ` +
    `in ${changed} group${changed === 1 ? '' : 's'}.`;
  const byKind = new Map<RiskKind, Operation[]>();
  for (const op of plan.groups.flatMap((g) => g.operations)) {
    const kinds = kindsOf(op);
    const first = KINDS.find((k) => kinds.includes(k.kind));
    if (first) byKind.set(first.kind, [...(byKind.get(first.kind) ?? []), op]);
  }
  const risks = KINDS.filter((k) => byKind.has(k.kind)).map((k) => ({ ...k, ops: byKind.get(k.kind)! }));
  return { counts, risks };
}

/** The marks of an operation besides the kind it is listed under, for "[drift]" after its line. */
export function otherMarks(op: Operation, listedAs: RiskKind): RiskMark[] {
  return op.marks.filter((m) => m !== listedAs);
}

/**
 * The summary as plain lines (terminal, modal dialog): one heading per kind, then at most `limit` operations as
 * `group: summary`, then how many more. Nothing when nothing is risky.
 */
export function riskLines(summary: RiskSummary, limit: number, bullet = '  • '): string[] {
  const out: string[] = [];
  for (const r of summary.risks) {
    out.push(`${r.title} (${r.ops.length}): ${r.why}`);
    for (const op of r.ops.slice(0, limit)) {
      const more = otherMarks(op, r.kind);
      out.push(`${bullet}${op.groupKey}: ${op.summary}${more.length ? ` [${more.join(', ')}]` : ''}`);
    }
    if (r.ops.length > limit) out.push(`${bullet.replace(/\S/g, ' ')}… and ${r.ops.length - limit} more`);
  }
  return out;
}
