// The extension's folder boundaries (src/extension/README.md): a feature never imports a sibling feature; what
// several features use lives in shared/; infrastructure/ and engine/ import no other folder of the extension; only
// the composition roots (extension.ts, testMode/) see every feature. The ESLint configuration says the same.
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { filesUnder, repoRoot } from '../manifest/repoRoot';

const root = repoRoot();
const EXT = 'src/extension';
const BASE_LAYERS = ['infrastructure', 'engine', 'shared'];
/** What each non-feature folder may import inside src/extension (besides itself and commandIds.ts). */
const ALLOWED: Record<string, string[]> = { infrastructure: [], engine: [], shared: ['infrastructure', 'engine'] };
const ROOTS = ['extension.ts', 'testMode', 'commandIds.ts'];

const IMPORT = /(?:\bfrom\s+|\bimport\(\s*|\brequire\(\s*)['"](\.{1,2}\/[^'"]+)['"]/g;

/** `from → to` edges between top-level folders of src/extension, with the file that makes each. */
function folderEdges(): Array<{ from: string; to: string; file: string }> {
  const edges: Array<{ from: string; to: string; file: string }> = [];
  for (const file of filesUnder(root, EXT, /\.ts$/)) {
    const from = file.slice(EXT.length + 1).split('/')[0];
    for (const m of readFileSync(path.join(root, file), 'utf8').matchAll(IMPORT)) {
      const target = path.posix.normalize(path.posix.join(path.posix.dirname(file), m[1]));
      if (!target.startsWith(`${EXT}/`)) continue;
      const first = target.slice(EXT.length + 1).split('/')[0];
      const to = target.slice(EXT.length + 1).includes('/') ? first : `${first}.ts`;
      if (to !== from) edges.push({ from, to, file });
    }
  }
  return edges;
}

function isFeature(folder: string): boolean {
  return !BASE_LAYERS.includes(folder) && !ROOTS.includes(folder) && !folder.endsWith('.ts');
}

function violations(edges: Array<{ from: string; to: string; file: string }>): string[] {
  return edges
    .filter(({ from, to }) => {
      if (ROOTS.includes(from) || to === 'commandIds.ts') return false;
      if (isFeature(from)) return isFeature(to) || ROOTS.includes(to);
      return !(ALLOWED[from] ?? []).includes(to);
    })
    .map(({ from, to, file }) => `${file}: ${from} → ${to}`);
}

describe('extension folder boundaries', () => {
  const edges = folderEdges();

  it('finds imports between folders to check', () => {
    assert.ok(edges.some((e) => e.from === 'explorer' && e.to === 'shared'), 'expected explorer → shared imports');
  });

  it('lets no feature import a sibling feature, and no base folder import a feature', () => {
    assert.deepEqual(violations(edges), []);
  });

  it('would report a feature importing a sibling, infrastructure importing shared, and shared importing a feature', () => {
    const made = violations([
      { from: 'explorer', to: 'activation', file: 'a.ts' },
      { from: 'infrastructure', to: 'shared', file: 'b.ts' },
      { from: 'shared', to: 'preview', file: 'c.ts' },
      { from: 'preview', to: 'testMode', file: 'd.ts' },
      { from: 'preview', to: 'shared', file: 'ok.ts' },
    ]);
    assert.deepEqual(made, ['a.ts: explorer → activation', 'b.ts: infrastructure → shared', 'c.ts: shared → preview', 'd.ts: preview → testMode']);
  });
});
