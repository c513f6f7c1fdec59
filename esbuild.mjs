// Bundles the extension and the CLI. `node esbuild.mjs [--watch] [--dev]`.
import * as esbuild from 'esbuild';
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

const builds = [
  // The extension: `vscode` is provided by the host.
  { ...common, entryPoints: { extension: 'src/extension/extension.ts' }, outdir: 'dist', external: ['vscode'] },
  // The engine (Graph client, @azure/identity, planner, apply, sandbox), loaded by the extension on first use
  // (src/extension/engine/engineLoader.ts) so activate() never loads it.
  { ...common, entryPoints: { engine: 'src/extension/engine/engineModule.ts' }, outdir: 'dist', external: ['vscode'] },
  // The CLI: one self-contained file with a shebang, so `npx pim-groups` works without node_modules.
  { ...common, entryPoints: { cli: 'src/cli/main.ts' }, outdir: 'dist', banner: { js: '#!/usr/bin/env node' } },
];

if (watch) {
  for (const b of builds) await (await esbuild.context(b)).watch();
  console.log('esbuild: watching');
} else {
  const results = await Promise.all(builds.map((b) => esbuild.build(b)));
  writeThirdPartyNotices(process.cwd(), results.map((r) => r.metafile));
}
