// Bundles the extension, the CLI and the GitHub Action. `node esbuild.mjs [--watch] [--dev]`.
import * as esbuild from 'esbuild';
import { pathToFileURL } from 'node:url';
import { writeThirdPartyNotices } from './scripts/thirdPartyNotices.mjs';

const watch = process.argv.includes('--watch');
const dev = process.argv.includes('--dev');

/** @type {esbuild.BuildOptions} */
const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: dev ? 'inline' : 'linked',
  minify: !dev,
  logLevel: 'warning',
  // Licence texts ship whole in dist/ThirdPartyNotices.txt (written below from the metafiles), not as comments.
  legalComments: 'none',
  metafile: true,
};

/** @type {esbuild.BuildOptions} */
export const ACTION_BUILD = {
  ...common,
  sourcemap: false,
  minify: true,
  entryPoints: ['src/action/main.ts'],
  outfile: 'action/index.js',
};

/** The extension: `vscode` is provided by the host. A unit test checks which sources it may carry. */
export const EXTENSION_BUILD = {
  ...common,
  entryPoints: { extension: 'src/extension/extension.ts' },
  outdir: 'dist',
  external: ['vscode'],
};

const builds = [
  EXTENSION_BUILD,
  // The engine (Graph client, @azure/identity, planner, apply, sandbox), loaded by the extension on first use
  // (src/extension/engine/engineLoader.ts) so activate() never loads it.
  { ...common, entryPoints: { engine: 'src/extension/engine/engineModule.ts' }, outdir: 'dist', external: ['vscode'] },
  // The CLI: one self-contained file with a shebang, so `npx pim-groups` works without node_modules.
  { ...common, entryPoints: { cli: 'src/cli/main.ts' }, outdir: 'dist', banner: { js: '#!/usr/bin/env node' } },
  // The GitHub Action (action.yml runs action/index.js on Node 20): committed, because a workflow runs the action
  // from the repository without npm install; a unit test checks that the committed file is what this build makes.
  ACTION_BUILD,
];

// Imported by the action's freshness test: build only when run as a script.
const isMain = process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href;

if (!isMain) {
  // nothing: the importer uses ACTION_BUILD
} else if (watch) {
  for (const b of builds) await (await esbuild.context(b)).watch();
  console.log('esbuild: watching');
} else {
  const results = await Promise.all(builds.map((b) => esbuild.build(b)));
  writeThirdPartyNotices(
    process.cwd(),
    results.map((r) => r.metafile),
  );
}
