// The action runs from the repository as committed (a workflow does not npm install or build), so the committed
// bundle must be what esbuild.mjs makes from the sources now, and action.yml must point at it.
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse } from 'yaml';
import { repoRoot } from '../manifest/repoRoot';

const root = repoRoot();

describe('GitHub Action: manifest and committed bundle', function () {
  this.timeout(120_000);

  it('action.yml runs action/index.js on Node 20 with the documented inputs and outputs', () => {
    const manifest = parse(fs.readFileSync(path.join(root, 'action.yml'), 'utf8')) as {
      runs: { using: string; main: string };
      inputs: object;
      outputs: object;
    };
    assert.deepEqual(manifest.runs, { using: 'node20', main: 'action/index.js' });
    assert.deepEqual(Object.keys(manifest.inputs), [
      'command',
      'path',
      'tenant-id',
      'client-id',
      'cloud',
      'plan-file',
      'github-token',
    ]);
    assert.deepEqual(Object.keys(manifest.outputs), ['has-changes', 'plan-file']);
  });

  it('action/index.js is what `node esbuild.mjs` builds from the current sources (rebuild and commit it when this fails)', () => {
    const script =
      "import { build } from 'esbuild'; import { ACTION_BUILD } from './esbuild.mjs';" +
      ' const r = await build({ ...ACTION_BUILD, write: false, logLevel: "error" }); process.stdout.write(r.outputFiles[0].text);';
    const fresh = execFileSync(process.execPath, ['--input-type=module', '-e', script], {
      cwd: root,
      maxBuffer: 64 * 1024 * 1024,
      encoding: 'utf8',
    });
    const committed = fs.readFileSync(path.join(root, 'action', 'index.js'), 'utf8');
    assert.ok(fresh.length > 100_000, 'the build produced the bundle');
    assert.ok(fresh === committed, 'action/index.js is stale: run `node esbuild.mjs` and commit action/index.js');
  });
});
