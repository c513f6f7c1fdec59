// Where the workspace's Settings are when the files given to a command hold none. Protected principals guard against
// removals, so planning one group's file must not silently drop them: the lookup searches the given paths' folder,
// then each parent, up to the repository root (the nearest folder holding .git), and takes the Settings of the nearest
// folder whose definitions hold one. Without a repository it stops at the working directory (or, for paths outside
// it, at their own folder), so it never wanders through the machine. The file system is passed in; the rule is pure.
import * as path from 'node:path';
import { DiscoveryError, DiscoveryFs, discoverDefinitions, isInside } from './discovery';
import { isGlob } from './pathGlob';

/** A document that may be a Settings one (cheap test before parsing; parsing decides). */
export const MAY_HOLD_SETTINGS = /\bkind\s*:\s*["']?Settings\b/;

/** The deepest folder holding every given path (a file counts as its folder; a glob as the working directory). */
export function commonFolder(fs: DiscoveryFs, paths: string[], cwd: string): string {
  const dirs = (paths.length ? paths : ['.']).map((p) => {
    const abs = path.resolve(cwd, p);
    if (isGlob(p) && fs.kind(abs) === undefined) return path.resolve(cwd);
    const real = fs.kind(abs) === 'symlink' ? fs.realpath(abs) : abs;
    return real && fs.kind(real) === 'file' ? path.dirname(abs) : abs;
  });
  let common = dirs[0];
  for (const d of dirs.slice(1))
    while (!isInside(d, common) && common !== path.dirname(common)) common = path.dirname(common);
  return common;
}

/** The folders searched for Settings, nearest first. */
export function settingsFolders(fs: DiscoveryFs, paths: string[], cwd: string): string[] {
  const start = commonFolder(fs, paths, cwd);
  let top: string | undefined;
  for (let d = start; !top; d = path.dirname(d)) {
    if (fs.kind(path.join(d, '.git')) !== undefined) top = d;
    else if (d === path.dirname(d)) top = isInside(start, cwd) ? path.resolve(cwd) : start;
  }
  const out: string[] = [];
  for (let d = start; ; d = path.dirname(d)) {
    out.push(d);
    if (d === top || d === path.dirname(d)) return out;
  }
}

/**
 * The definition files (absolute paths) of the nearest searched folder whose definitions may hold a Settings
 * document, leaving out `loaded` (the files already read). `read` gives a file's text; `holds` says whether it
 * really holds one (or a broken one, which must be shown rather than skipped).
 */
export function findSettingsFiles(
  fs: DiscoveryFs,
  paths: string[],
  cwd: string,
  loaded: ReadonlySet<string>,
  holds: (file: string) => boolean,
): string[] {
  const checked = new Set(loaded);
  for (const folder of settingsFolders(fs, paths, cwd)) {
    let files: string[];
    try {
      files = discoverDefinitions(fs, [folder], cwd).files;
    } catch (e) {
      if (!(e instanceof DiscoveryError)) throw e;
      throw new DiscoveryError(`Looking for the workspace's Settings: ${e.message}`, e.path, e.problem);
    }
    const found = files.filter((f) => !checked.has(f) && holds(f));
    for (const f of files) checked.add(f);
    if (found.length) return found;
  }
  return [];
}
