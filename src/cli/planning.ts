// What plan, apply and demo share: load the definitions, read the tenant, build the plan, keep the applied record.
import * as path from 'node:path';
import { loadWorkspace } from '../definitions';
import type { Finding, Workspace } from '../definitions/model';
import { readActualState } from '../tenant/readTenant';
import { buildPlan, PlanResult, readScopeOf, RecordContext } from '../plan';
import { appliedRecordPath, definitionsRoot, findAppliedRecord, readAppliedRecord } from '../plan/appliedRecordFile';
import type { ApplyEvent } from '../apply/model';
import type { Connection } from './connection';
import { readDefinitionFiles, withWorkspaceSettings } from './definitionFiles';
import type { CliIo } from './io';
import { escapeControl } from '../text/escape';

export function formatFinding(f: Finding): string {
  return `${f.file}:${f.range.start.line + 1}:${f.range.start.character + 1} ${f.severity} ${f.code}: ${f.message}`;
}

/**
 * Loads and validates; prints findings; undefined when there are errors (the caller exits 1). The workspace's
 * Settings are looked up above `paths` when the files there hold none (`lookUpSettings: false` for the demo, whose
 * examples folder is the whole workspace).
 */
export function loadDefinitions(
  paths: string[],
  io: CliIo,
  { lookUpSettings = true }: { lookUpSettings?: boolean } = {},
): Workspace | undefined {
  const { files, warnings } = readDefinitionFiles(paths, io.cwd);
  for (const w of warnings) io.err(`warning: ${w}`);
  if (!files.length) {
    io.err(`No *.pim.yaml files under ${paths.length ? paths.join(', ') : io.cwd}.`);
    return undefined;
  }
  let ws = loadWorkspace(files);
  if (lookUpSettings) {
    const found = withWorkspaceSettings(ws, paths, io.cwd, files);
    ws = found.ws;
    if (found.from) io.err(escapeControl(`Settings: ${found.from} (the workspace's, found above the given paths).`));
  }
  for (const f of ws.findings) if (f.severity !== 'info') io.err(formatFinding(f));
  const errors = ws.findings.filter((f) => f.severity === 'error').length;
  if (errors) {
    io.err(`${errors} error(s) in the definitions; fix them before planning.`);
    return undefined;
  }
  return ws;
}

/**
 * The applied record of this target for definitions under `paths`: `--state FILE` when given, else
 * <definitions root>/.pim-groups/applied/<target>.json (one per tenant and cloud, beside the definitions).
 */
export function recordFileFor(paths: string[], io: CliIo, target: string, state?: string): string {
  return state ? path.resolve(io.cwd, state) : appliedRecordPath(definitionsRoot(paths, io.cwd), target);
}

/** What the applied record tells this plan: the last apply, and which recorded definitions the planned paths cover. */
export function recordContext(
  paths: string[],
  io: CliIo,
  target: string,
  state?: string,
  forget: string[] = [],
): RecordContext {
  const lastApplied = state
    ? readAppliedRecord(path.resolve(io.cwd, state), target)
    : findAppliedRecord(definitionsRoot(paths, io.cwd), target);
  const planned = (paths.length ? paths : ['.']).map((p) => path.resolve(io.cwd, p));
  // A recorded file under a planned path is part of this plan: loaded when it exists, deleted when it does not.
  const covers = (file: string) =>
    planned.some((p) => {
      const rel = path.relative(p, path.resolve(io.cwd, file));
      return !rel.startsWith('..') && !path.isAbsolute(rel);
    });
  return { target, lastApplied, covers, forget };
}

// One implementation of the applied record for the CLI and the editor (src/plan/appliedRecordFile.ts).
export {
  readAppliedRecord as readRecord,
  writeAppliedRecord as writeRecord,
  recordAfterApply,
} from '../plan/appliedRecordFile';

export async function planWorkspace(
  conn: Connection,
  ws: Workspace,
  ctx: RecordContext | undefined,
  signal?: AbortSignal,
): Promise<PlanResult> {
  const context = { ...ctx, target: conn.target };
  const state = await readActualState(conn.transport, readScopeOf(ws, context), signal);
  return buildPlan(ws, state, context);
}

/**
 * Progress for apply: a rewritten status line on a terminal (when the host can write without a newline), one line
 * per operation otherwise. Failures always get their own line.
 */
export function progressPrinter(io: CliIo): (e: ApplyEvent) => void {
  const write = io.isTty ? io.write?.bind(io) : undefined;
  return (e) => {
    if (e.type === 'phase') {
      io.out(`${write ? '\n' : ''}» ${e.phase} (${e.total})`);
      return;
    }
    if (e.type === 'verify') {
      io.out(`${write ? '\n' : ''}» verifying the tenant`);
      return;
    }
    const o = e.outcome;
    const mark = { done: 'ok', failed: 'FAILED', skipped: 'skipped', cancelled: 'cancelled' }[o.status];
    const line = escapeControl(
      `  [${e.done}/${e.total}] ${mark}: ${o.groupKey}: ${o.summary}${o.message ? ` — ${o.message}` : ''}`,
    );
    if (write && o.status === 'done') write(`\r\u001b[2K${line.slice(0, 119)}`);
    else io.out(write ? `\r\u001b[2K${line}` : line);
  };
}
