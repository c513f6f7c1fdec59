// The repository root, found from the compiled test's location (out/test/unit/...) or the sources.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';

export function repoRoot(): string {
  let dir = __dirname;
  while (dir !== path.dirname(dir)) {
    const pkg = path.join(dir, 'package.json');
    if (
      existsSync(pkg) &&
      JSON.parse(readFileSync(pkg, 'utf8')).name === 'pim-groups' &&
      existsSync(path.join(dir, 'src'))
    )
      return dir;
    dir = path.dirname(dir);
  }
  throw new Error(`No pim-groups package.json above ${__dirname}`);
}

/** Every file under `dir` (relative to the root) whose name matches `pattern`, as root-relative paths. */
export function filesUnder(root: string, dir: string, pattern: RegExp): string[] {
  const out: string[] = [];
  const walk = (rel: string) => {
    const abs = path.join(root, rel);
    if (!existsSync(abs)) return;
    for (const entry of readdirSync(abs, { withFileTypes: true })) {
      const child = path.join(rel, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== 'node_modules') walk(child);
      } else if (pattern.test(entry.name)) out.push(child.split(path.sep).join('/'));
    }
  };
  walk(dir);
  return out.sort();
}
