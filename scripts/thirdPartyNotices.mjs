// Writes dist/ThirdPartyNotices.txt: every npm package bundled into dist/*.js, with its version, licence and the
// licence text from the package. The bundles are minified without licence comments, so the texts ship here, beside
// dist/cli.js and inside the .vsix (.vscodeignore). Called by esbuild.mjs with the bundles' metafiles.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** The package folders (relative to the repository) whose files went into the bundles. */
export function bundledPackageDirs(metafiles) {
  const dirs = new Set();
  for (const meta of metafiles) {
    for (const input of Object.keys(meta.inputs)) {
      // The innermost node_modules/<name> (or <@scope/name>) holding the file.
      const m = /^(.*node_modules\/(?:@[^/]+\/)?[^/]+)\//.exec(input.replace(/\\/g, '/'));
      if (m) dirs.add(m[1]);
    }
  }
  return [...dirs];
}

function licenceText(dir) {
  const file = readdirSync(dir).find((f) => /^(licen[cs]e|copying)(\.|$|-)/i.test(f));
  return file ? readFileSync(path.join(dir, file), 'utf8').trim() : undefined;
}

export function writeThirdPartyNotices(root, metafiles, out = path.join(root, 'dist', 'ThirdPartyNotices.txt')) {
  const seen = new Map();
  for (const rel of bundledPackageDirs(metafiles)) {
    const dir = path.join(root, rel);
    if (!existsSync(path.join(dir, 'package.json'))) continue;
    const pkg = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8'));
    const key = `${pkg.name}@${pkg.version}`;
    if (seen.has(key)) continue;
    const licence = typeof pkg.license === 'string' ? pkg.license : (pkg.license?.type ?? 'see the package');
    const text = licenceText(dir) ?? `(The package ships no licence file; its package.json declares: ${licence}.)`;
    seen.set(key, `${key}\nLicense: ${licence}\n${pkg.homepage ?? pkg.repository?.url ?? ''}\n\n${text}\n`);
  }
  const entries = [...seen.keys()].sort().map((k) => seen.get(k));
  const header =
    'Third-party software in pim-groups (dist/extension.js, dist/engine.js, dist/cli.js)\n' +
    'Each package below is bundled into those files; its licence follows its name.\n';
  writeFileSync(out, [header, ...entries].join(`\n${'-'.repeat(80)}\n\n`));
  return [...seen.keys()].sort();
}
