// Which files are definitions, for every front end (validate, plan, apply, the editor): `*.pim.yaml` / `*.pim.yml`
// outside hidden folders and node_modules. Links are followed only when they resolve inside the workspace root, so
// a repository cannot make pim-groups read (and plan) a file elsewhere on the machine; a folder or file that cannot
// be read is an error that names it, never a silent skip. The file system is passed in, so the rule stays pure.
import * as path from 'node:path';
import { globToRegExp, isGlob } from './pathGlob';

const DEFINITION_FILE = /\.pim\.ya?ml$/i;

export function isDefinitionFileName(name: string): boolean {
  return DEFINITION_FILE.test(name);
}

/** Folders never searched: hidden ones (.git, .vscode, .pim-groups) and node_modules. */
export function isSkippedFolder(name: string): boolean {
  return name.startsWith('.') || name === 'node_modules';
}

/** A '/'- or '\'-separated path relative to the workspace root: a definition name, in no skipped folder. */
export function isDefinitionPath(relative: string): boolean {
  const segments = relative.split(/[\\/]/).filter(Boolean);
  return isDefinitionFileName(segments.at(-1) ?? '') && !segments.slice(0, -1).some(isSkippedFolder);
}

export function isInside(child: string, root: string): boolean {
  const rel = path.relative(root, child);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

export type EntryKind = 'file' | 'directory' | 'symlink' | 'other';
export interface DiscoveryFs {
  /** The entry itself (a link is 'symlink'); undefined when nothing is there. */
  kind(p: string): EntryKind | undefined;
  /** What a link resolves to; undefined when it is broken. */
  realpath(p: string): string | undefined;
  /** Throws when the folder cannot be read. */
  list(dir: string): { name: string; kind: EntryKind }[];
}

export type DiscoveryProblem = 'missing' | 'no-match' | 'outside' | 'unreadable';
export class DiscoveryError extends Error {
  readonly code = 'PIM_DISCOVERY';
  constructor(
    message: string,
    readonly path: string,
    readonly problem: DiscoveryProblem,
  ) {
    super(message);
    this.name = 'DiscoveryError';
  }
}

export interface Discovery {
  /** Absolute paths, sorted; each file once even when links reach it twice. */
  files: string[];
  /** Links not followed, with why (shown as warnings). */
  skipped: { path: string; reason: string }[];
}

/** The definitions under `args` (files, folders or globs; default the root), relative to `root` (the working dir). */
export function discoverDefinitions(fs: DiscoveryFs, args: string[], root: string): Discovery {
  // Real path → the path shown for it: the one reached without a link when there is one, else the first in order.
  const found = new Map<string, { shown: string; viaLink: boolean }>();
  const skipped: Discovery['skipped'] = [];
  const rootReal = fs.realpath(root) ?? root;
  const add = (p: string, real: string, viaLink: boolean) => {
    const current = found.get(real);
    const better = !current || (current.viaLink && !viaLink) || (current.viaLink === viaLink && p < current.shown);
    if (better) found.set(real, { shown: p, viaLink });
  };
  type OnFile = (p: string, real: string, viaLink: boolean) => void;

  // `ancestors` are the real folders above (a link back to one of them would loop forever).
  const walk = (
    dir: string,
    dirReal: string,
    limit: string,
    ancestors: Set<string>,
    viaLink: boolean,
    onFile: OnFile,
  ) => {
    let entries;
    try {
      entries = fs.list(dir);
    } catch (e) {
      throw new DiscoveryError(`Cannot read the folder ${dir}: ${(e as Error).message}`, dir, 'unreadable');
    }
    for (const entry of entries) {
      const child = path.join(dir, entry.name);
      let kind: EntryKind | undefined = entry.kind;
      let real = path.join(dirReal, entry.name);
      const link = kind === 'symlink';
      if (link) {
        const target = fs.realpath(child);
        if (!target) {
          skipped.push({ path: child, reason: 'a broken link' });
          continue;
        }
        if (!isInside(target, limit)) {
          skipped.push({ path: child, reason: `a link to ${target}, outside ${limit}` });
          continue;
        }
        real = target;
        kind = fs.kind(target);
      }
      if (kind === 'directory' && !isSkippedFolder(entry.name)) {
        if (!ancestors.has(real)) walk(child, real, limit, new Set([...ancestors, real]), viaLink || link, onFile);
      } else if (kind === 'file') onFile(child, real, viaLink || link);
    }
  };

  for (const arg of args.length ? args : ['.']) {
    const abs = path.resolve(root, arg);
    // A path named outside the working directory is its own root: links in it stay inside it.
    const limit = isInside(abs, root) ? rootReal : (fs.realpath(abs) ?? abs);
    let kind = fs.kind(abs);
    if (kind === undefined) {
      if (!isGlob(arg)) throw new DiscoveryError(`'${arg}' does not exist.`, abs, 'missing');
      const re = globToRegExp(arg.replace(/\\/g, '/').replace(/^\.\//, ''));
      const before = found.size;
      walk(root, rootReal, rootReal, new Set([rootReal]), false, (p, real, viaLink) => {
        if (re.test(path.relative(root, p).split(path.sep).join('/'))) add(p, real, viaLink);
      });
      if (found.size === before) throw new DiscoveryError(`no file matches '${arg}'.`, abs, 'no-match');
      continue;
    }
    let real = abs;
    const link = kind === 'symlink';
    if (link) {
      real = fs.realpath(abs) ?? abs;
      if (!isInside(real, limit))
        throw new DiscoveryError(`'${arg}' is a link to ${real}, outside ${limit}; not read.`, abs, 'outside');
      kind = fs.kind(real);
    }
    if (kind === 'file') add(abs, link ? real : (fs.realpath(abs) ?? abs), link);
    else if (kind === 'directory') {
      const folderReal = fs.realpath(abs) ?? abs;
      walk(abs, folderReal, limit, new Set([folderReal]), link, (p, r, viaLink) => {
        if (isDefinitionFileName(path.basename(p))) add(p, r, viaLink);
      });
    }
  }
  return { files: [...found.values()].map((f) => f.shown).sort(), skipped };
}
