// The definitions a command reads: the one discovery rule (src/definitions/discovery.ts) over the real file system.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { DiscoveryError, DiscoveryFs, discoverDefinitions, EntryKind } from '../definitions/discovery';
import type { DefinitionFile, Workspace } from '../definitions/model';
import { findSettingsFiles, MAY_HOLD_SETTINGS } from '../definitions/settingsLookup';
import { parseDocuments } from '../definitions/parseDocuments';
import { withSettingsFrom } from '../definitions/workspace';

function kindOf(stat: fs.Stats | fs.Dirent): EntryKind {
  return stat.isSymbolicLink() ? 'symlink' : stat.isDirectory() ? 'directory' : stat.isFile() ? 'file' : 'other';
}

export const nodeDiscoveryFs: DiscoveryFs = {
  kind: (p) => {
    const stat = fs.lstatSync(p, { throwIfNoEntry: false });
    return stat && kindOf(stat);
  },
  realpath: (p) => {
    try {
      return fs.realpathSync(p);
    } catch {
      return undefined;
    }
  },
  list: (dir) => fs.readdirSync(dir, { withFileTypes: true }).map((e) => ({ name: e.name, kind: kindOf(e) })),
};

export interface FoundDefinitions {
  files: DefinitionFile[];
  warnings: string[];
}

/** Finds and reads the definitions under `paths` (default: the working directory); paths are shown relative to it. */
export function readDefinitionFiles(paths: string[], cwd: string): FoundDefinitions {
  const found = discoverDefinitions(nodeDiscoveryFs, paths, cwd);
  const shown = (file: string) => path.relative(cwd, file) || file;
  const files = found.files.map((file) => {
    try {
      return { path: shown(file), text: fs.readFileSync(file, 'utf8') };
    } catch (e) {
      throw new DiscoveryError(`Cannot read ${shown(file)}: ${(e as Error).message}`, file, 'unreadable');
    }
  });
  return { files, warnings: found.skipped.map((s) => `${shown(s.path)} is not read: it is ${s.reason}.`) };
}

/** The files only (tests and the demo, where the warnings do not matter). */
export function findDefinitionFiles(paths: string[], cwd: string): DefinitionFile[] {
  return readDefinitionFiles(paths, cwd).files;
}

/**
 * The workspace loaded from `files` (read from `paths`), with the workspace's Settings when those files hold none:
 * looked up from the paths' folder up to the repository root (src/definitions/settingsLookup.ts). `from` names the
 * file they came from when the lookup found them, so the command can say so.
 */
export function withWorkspaceSettings(
  ws: Workspace,
  paths: string[],
  cwd: string,
  files: readonly DefinitionFile[],
): { ws: Workspace; from?: string } {
  if (ws.settings || ws.findings.some((f) => f.code === 'PIM054')) return { ws };
  const shown = (file: string) => path.relative(cwd, file) || file;
  const texts = new Map<string, string>();
  const holds = (file: string) => {
    let text: string;
    try {
      text = fs.readFileSync(file, 'utf8');
    } catch (e) {
      throw new DiscoveryError(`Cannot read ${shown(file)}: ${(e as Error).message}`, file, 'unreadable');
    }
    if (!MAY_HOLD_SETTINGS.test(text)) return false;
    const parsed = parseDocuments({ path: shown(file), text });
    // A broken Settings document is taken too: its errors stop the plan instead of protecting nobody.
    if (!parsed.settings.length && !parsed.findings.some((f) => f.severity === 'error')) return false;
    texts.set(file, text);
    return true;
  };
  const loaded = new Set(files.map((f) => path.resolve(cwd, f.path)));
  const found = findSettingsFiles(nodeDiscoveryFs, paths, cwd, loaded, holds);
  if (!found.length) return { ws };
  const next = withSettingsFrom(
    ws,
    found.map((f) => ({ path: shown(f), text: texts.get(f)! })),
  );
  return { ws: next, from: next.settings?.source.file ?? shown(found[0]) };
}
