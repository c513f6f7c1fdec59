// The layering of ARCHITECTURE.md, enforced: only src/extension/ may import `vscode`, and nothing else depends
// on the extension, so the CLI, the engine and the unit tests run in plain Node.
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { filesUnder, repoRoot } from './manifest/repoRoot';

const root = repoRoot();
const VSCODE_IMPORT = /(?:\bfrom\s+['"]vscode['"]|\brequire\(\s*['"]vscode['"]\s*\)|\bimport\(\s*['"]vscode['"]\s*\)|^\s*import\s+['"]vscode['"])/m;
const EXTENSION_IMPORT = /(?:from\s+|require\(\s*|import\(\s*)['"][^'"]*\/extension(?:\/[^'"]*)?['"]/;

function sources(dir: string): string[] {
  return filesUnder(root, dir, /\.(ts|mts|cts|js|mjs)$/).filter((f) => !f.endsWith('.d.ts'));
}

function offenders(files: string[], pattern: RegExp): string[] {
  return files.filter((f) => pattern.test(readFileSync(path.join(root, f), 'utf8')));
}

describe('layering', () => {
  it('imports vscode only under src/extension/', () => {
    const outside = sources('src').filter((f) => !f.startsWith('src/extension/'));
    assert.ok(outside.length > 0, 'found no sources outside src/extension to check');
    assert.deepEqual(offenders(outside, VSCODE_IMPORT), []);
  });

  it('keeps the unit tests and benchmarks free of vscode (they run in plain Node)', () => {
    const files = [...sources('test/unit'), ...sources('test/graph'), ...sources('bench')].filter((f) => f !== 'test/unit/layering.test.ts');
    assert.deepEqual(offenders(files, VSCODE_IMPORT), []);
  });

  it('lets nothing outside src/extension/ depend on the extension', () => {
    const outside = sources('src').filter((f) => !f.startsWith('src/extension/'));
    assert.deepEqual(offenders(outside, EXTENSION_IMPORT), []);
  });

  it('recognises every way of importing vscode (so the checks above can fail)', () => {
    for (const line of ["import * as vscode from 'vscode';", 'import { window } from "vscode";', "const v = require('vscode');", "await import('vscode')", "import 'vscode';"]) {
      assert.match(line, VSCODE_IMPORT, line);
    }
    for (const line of ["import { x } from './vscodeConversions';", "// talks to vscode's API", "import { y } from 'vscode-languageserver-textdocument';"]) {
      assert.doesNotMatch(line, VSCODE_IMPORT, line);
    }
  });
});
