// `apply --plan FILE`: the file is a review artefact, not a program. Its operations are derived again from the
// definitions it was made from and a fresh read of the tenant, and the file is refused when they differ (an added
// operation, an edited summary, a changed desired state, or a tenant that moved). What is shown and applied is the
// fresh plan, so no string of the file reaches the screen or the tenant.
import * as path from 'node:path';
import type { Plan } from '../plan';

/** The folder the plan's definitions came from: the deepest folder holding every definition file the plan names. */
export function definitionsRootOf(plan: Plan): string | undefined {
  const files = [
    ...plan.groups.map((g) => g.source?.file),
    ...Object.values(plan.basis.desired ?? {}).map((d) => d.file),
    plan.basis.settingsFile,
  ].filter((f): f is string => typeof f === 'string' && f.length > 0);
  if (!files.length) return undefined;
  const dirs = files.map((f) => path.dirname(path.normalize(f)).split(path.sep));
  const common: string[] = [];
  for (let i = 0; dirs.every((d) => i < d.length && d[i] === dirs[0][i]); i++) common.push(dirs[0][i]);
  return common.length ? common.join(path.sep) : '.';
}

/** Keys sorted at every level and undefined values left out (as JSON does), so a plan read from a file and one
 *  derived now compare by content. */
function canonical(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`;
  if (v && typeof v === 'object') {
    return `{${Object.keys(v)
      .filter((k) => (v as Record<string, unknown>)[k] !== undefined)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical((v as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(v) ?? 'null';
}

/** Why the file's plan is not the plan derived now, or undefined when they are the same. Names only groups keys
 *  and counts of the fresh plan, never text taken from the file. */
export function planFileDifference(file: Plan, fresh: Plan): string | undefined {
  if (file.fingerprint !== fresh.fingerprint)
    return 'The tenant changed since this plan was made (its fingerprint no longer matches a fresh read).';
  const byKey = new Map(fresh.groups.map((g) => [g.key, g]));
  if (file.groups.length !== fresh.groups.length || file.groups.some((g) => !byKey.has(g.key)))
    return 'The plan file names other groups than its definitions give.';
  for (const g of file.groups) {
    const mine = byKey.get(g.key)!;
    if (
      canonical(g.operations) !== canonical(mine.operations) ||
      g.displayName !== mine.displayName ||
      g.groupId !== mine.groupId
    ) {
      return `The operations of group '${mine.key}' in the plan file are not the ones its definition and the tenant give now (${mine.operations.length} expected).`;
    }
  }
  if (canonical(file.issues) !== canonical(fresh.issues))
    return 'The plan file reports other issues than a fresh plan.';
  return undefined;
}
