// The applied record on disk, shared by the CLI and the editor so both tell drift from changes the same way.
// It lives beside the definitions' root, one file per target tenant and cloud:
// <root>/.pim-groups/applied/<target>.json. Definition files inside it are relative to <root>, so the record can be
// committed, or kept as a pipeline artefact, and read on another machine. Node only; no Graph.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { APPLIED_RECORD_DIR, APPLIED_RECORD_FILE, AppliedRecord, targetSlug } from './appliedRecord';
import type { Plan } from './model';

/** Where the record of `target` lives for definitions under `root`. */
export function appliedRecordPath(root: string, target: string): string {
  return path.join(root, APPLIED_RECORD_DIR, `${targetSlug(target)}.json`);
}

/**
 * The definitions' root for the paths a command was given: the nearest directory at or above their common
 * directory that already holds `.pim-groups/`, else that common directory. So `plan examples` and
 * `plan examples/one.pim.yaml` share a record, whatever directory they are run from.
 */
export function definitionsRoot(paths: string[], cwd: string): string {
  const dirs = (paths.length ? paths : ['.']).map((p) => {
    const abs = path.resolve(cwd, p);
    return fs.statSync(abs, { throwIfNoEntry: false })?.isFile() ? path.dirname(abs) : abs;
  });
  let common = dirs[0];
  for (const d of dirs.slice(1))
    while (common !== path.dirname(common) && path.relative(common, d).startsWith('..')) common = path.dirname(common);
  for (let d = common; ; d = path.dirname(d)) {
    if (fs.existsSync(path.join(d, '.pim-groups'))) return d;
    if (fs.existsSync(path.join(d, '.git')) || d === path.dirname(d)) return common;
  }
}

function parse(file: string): AppliedRecord | undefined {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8')) as AppliedRecord;
  } catch {
    return undefined;
  }
}

/**
 * The record, or undefined when there is none (or it cannot be read: the next plan then treats differences as
 * changes). Definition files come back absolute (resolved against the record's root). With `target`, a record of
 * another target is ignored.
 */
export function readAppliedRecord(file: string, target?: string): AppliedRecord | undefined {
  const record = parse(file);
  if (!record || (target && record.target !== target)) return undefined;
  const root = rootOf(file);
  for (const g of Object.values(record.groups ?? {})) if (g.file) g.file = path.resolve(root, g.file);
  return record;
}

/** The record of `target` under `root`, or the single-file record of an older version when it is for `target`. */
export function findAppliedRecord(root: string, target: string): AppliedRecord | undefined {
  return (
    readAppliedRecord(appliedRecordPath(root, target), target) ??
    readAppliedRecord(path.join(root, APPLIED_RECORD_FILE), target)
  );
}

/** Definition files are written relative to the record's root (relative ones are taken from `cwd` first). */
export function writeAppliedRecord(file: string, record: AppliedRecord, cwd = process.cwd()): void {
  const root = rootOf(file);
  const groups = Object.fromEntries(
    Object.entries(record.groups).map(([k, g]) => [
      k,
      g.file ? { ...g, file: path.relative(root, path.resolve(cwd, g.file)).split(path.sep).join('/') } : g,
    ]),
  );
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, JSON.stringify({ ...record, groups }, null, 2) + '\n'); // data read back: never redacted
}

/** The root a record file belongs to: the directory holding `.pim-groups/` (the record's own folder otherwise). */
function rootOf(file: string): string {
  const parts = path.resolve(file).split(path.sep);
  const i = parts.lastIndexOf('.pim-groups');
  return i > 0 ? parts.slice(0, i).join(path.sep) || path.sep : path.dirname(file);
}

/**
 * The record after a converged apply of `plan`: its desired state over the previous record's other groups, because
 * a workspace may be applied a few files at a time. Groups named in `forget` are dropped (their definitions were
 * deleted on purpose and their access stays). Undefined when the plan carries no desired state.
 */
export function recordAfterApply(
  previous: AppliedRecord | undefined,
  plan: Plan,
  now = new Date(),
  forget: string[] = [],
  groupIds: Record<string, string> = {},
): AppliedRecord | undefined {
  if (!plan.basis.desired) return undefined;
  const kept = previous?.target === plan.target ? { ...previous.groups } : {};
  for (const name of forget) delete kept[name];
  const desired = Object.fromEntries(
    Object.entries(plan.basis.desired).map(([k, g]) => [
      k,
      groupIds[k] && !g.groupId ? { ...g, groupId: groupIds[k] } : g,
    ]),
  );
  return { formatVersion: 1, target: plan.target, appliedAt: now.toISOString(), groups: { ...kept, ...desired } };
}
