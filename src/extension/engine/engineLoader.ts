// Loads dist/engine.js (Graph, planner, apply, activation, sandbox) on first use. esbuild bundles that file
// separately (see esbuild.mjs), so the extension's own bundle stays small and activate() never pays for it.
// The require path is computed at run time so that esbuild leaves it alone; from out/ (unit tests) the
// compiled module beside this file is used instead.
import * as fs from 'node:fs';
import * as path from 'node:path';

export type Engine = typeof import('./engineModule');

let engine: Engine | undefined;

export function loadEngine(): Engine {
  if (!engine) {
    const bundled = path.join(__dirname, 'engine.js');
    const candidates = [bundled, path.join(__dirname, 'engineModule.js')];
    const file = candidates.find((f) => fs.existsSync(f));
    if (!file)
      throw new Error(
        `The PIM Groups engine is missing (looked for ${candidates.join(', ')}); reinstall the extension.`,
      );
    // The engine is a separate bundle found at run time (so activate() never loads it): a dynamic require on purpose.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    engine = require(file) as Engine;
  }
  return engine;
}
