// Finds *.pim.yaml / *.pim.yml files under the paths a command was given (default: the working directory).
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { DefinitionFile } from '../definitions/model';

const DEFINITION = /\.pim\.ya?ml$/i;

export function findDefinitionFiles(paths: string[], cwd: string): DefinitionFile[] {
  const found = new Set<string>();
  const walk = (p: string) => {
    const stat = fs.statSync(p, { throwIfNoEntry: false });
    if (!stat) throw new Error(`${p} does not exist.`);
    if (stat.isFile()) { found.add(p); return; }
    for (const entry of fs.readdirSync(p, { withFileTypes: true })) {
      if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
      const child = path.join(p, entry.name);
      if (entry.isDirectory()) walk(child);
      else if (DEFINITION.test(entry.name)) found.add(child);
    }
  };
  for (const p of paths.length ? paths : ['.']) walk(path.resolve(cwd, p));
  return [...found].sort().map((file) => ({ path: path.relative(cwd, file) || file, text: fs.readFileSync(file, 'utf8') }));
}
