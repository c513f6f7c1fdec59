// The definitions a command reads: the one discovery rule (src/definitions/discovery.ts) over the real file system.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { DiscoveryError, DiscoveryFs, discoverDefinitions, EntryKind } from '../definitions/discovery';
import type { DefinitionFile } from '../definitions/model';

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
