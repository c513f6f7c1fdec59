#!/usr/bin/env node
// Runs the test tiers (unit, graph, host) and ends with one line the CI reads: `tests: N passed, N failed`.
// Usage: node scripts/test.mjs [lint|unit|graph|fuzz|host ...] [--screenshots] [--no-build]
// Every tier that exists runs; a tier that cannot run (missing code-server, a crash) counts as a failure.
// A tier's tools are set up when missing (the host tier's by scripts/setup-host.sh), so `npm ci && npm test` is
// the whole set-up on a new machine.
import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const args = process.argv.slice(2);
const wanted = args.filter((a) => !a.startsWith('--'));
const flags = new Set(args.filter((a) => a.startsWith('--')));
const mocha = path.join(root, 'node_modules', 'mocha', 'bin', 'mocha.js');

const tiers = [
  { name: 'unit', present: () => true, cmds: [[process.execPath, mocha, '--config', 'test/unit/.mocharc.json']] },
  { name: 'graph', present: () => true, cmds: [[process.execPath, mocha, '--config', 'test/graph/.mocharc.json']] },
  // Long seeded fuzzing and very large inputs (tests tagged @fuzz), each run bounded by PIM_FUZZ_MS (default 4 min).
  { name: 'fuzz', present: () => true, cmds: [[process.execPath, mocha, '--config', 'test/fuzz/.mocharc.json']] },
  {
    name: 'host',
    present: () => existsSync(path.join(root, 'test/host/harness/run.ts')),
    // code-server into the tool cache and Debian's Chromium: checked in seconds, installed once (about two minutes).
    setup: ['bash', 'scripts/setup-host.sh'],
    // Two windows: the suite in the fixture workspace, then the README pictures' scene in examples/ (its tests
    // check that each picture's content is on screen; with --screenshots they also take the pictures).
    // The harness's own flags pass through: --screenshots (npm run screenshots), --verbose, --keep-temp.
    cmds: [[], ['--scene']].map((extra) => [
      process.execPath,
      'out/test/host/harness/run.js',
      ...extra,
      ...['--screenshots', '--verbose', '--keep-temp'].filter((f) => flags.has(f)),
    ]),
  },
];

function run(cmd, { capture } = {}) {
  return new Promise((resolve) => {
    const child = spawn(cmd[0], cmd.slice(1), { cwd: root, stdio: ['ignore', 'pipe', 'pipe'], env: process.env });
    let out = '';
    child.stdout.on('data', (d) => {
      process.stdout.write(d);
      if (capture) out += d;
    });
    child.stderr.on('data', (d) => {
      process.stderr.write(d);
      if (capture) out += d;
    });
    child.on('close', (code, signal) => resolve({ code: code ?? (signal ? 1 : 0), out }));
  });
}

// mocha's spec summary ("12 passing", "1 failing", "2 pending"); the host harness forwards the same lines.
function counts(out) {
  const num = (re) => [...out.matchAll(re)].reduce((n, m) => n + Number(m[1]), 0);
  return {
    passed: num(/^\s*(\d+) passing/gm),
    failed: num(/^\s*(\d+) failing/gm),
    pending: num(/^\s*(\d+) pending/gm),
  };
}

const total = { passed: 0, failed: 0, pending: 0 };
let exit = 0;

// Pictures of an earlier run must never reach docs/images/.
if (flags.has('--screenshots'))
  rmSync(path.join(root, 'test-results', 'screenshots'), { recursive: true, force: true });

if (!flags.has('--no-build')) {
  for (const step of [
    ['build', [process.execPath, 'esbuild.mjs']],
    ['compile', [process.execPath, 'node_modules/typescript/bin/tsc', '-p', '.']],
  ]) {
    console.log(`\n== ${step[0]} ==`);
    const r = await run(step[1]);
    if (r.code !== 0) {
      console.error(`${step[0]} failed (exit ${r.code})`);
      total.failed += 1;
      exit = 1;
    }
  }
}

// Lint (typescript-eslint, layer boundaries, no cycles) is part of every whole run; a red lint fails the run.
if (!wanted.length || wanted.includes('lint')) {
  console.log('\n== lint ==');
  const r = await run([process.execPath, 'node_modules/eslint/bin/eslint.js', '.']);
  if (r.code !== 0) {
    console.error(`lint failed (exit ${r.code})`);
    total.failed += 1;
    exit = 1;
  }
  // The formatter settles layout once (Prettier, width 120); an unformatted file fails the run like a lint error.
  console.log('\n== format ==');
  const f = await run([
    process.execPath,
    'node_modules/prettier/bin/prettier.cjs',
    '--check',
    '--log-level',
    'warn',
    '.',
  ]);
  if (f.code !== 0) {
    console.error(`format check failed (exit ${f.code}): run npm run format`);
    total.failed += 1;
    exit = 1;
  }
}

for (const tier of tiers) {
  if (wanted.length && !wanted.includes(tier.name)) continue;
  if (!tier.present()) continue;
  console.log(`\n== ${tier.name} tier ==`);
  const started = Date.now();
  if (tier.setup) {
    console.log(`${tier.name} tier: checking its tools (${tier.setup.join(' ')}; installs what is missing)`);
    const s = await run(tier.setup);
    if (s.code !== 0) {
      console.error(`== ${tier.name} tier: not run, its tools could not be set up (see above) ==`);
      total.failed += 1;
      exit = 1;
      continue;
    }
  }
  const c = { passed: 0, failed: 0, pending: 0 };
  for (const cmd of tier.cmds) {
    const r = await run(cmd, { capture: true });
    const part = counts(r.out);
    if (r.code !== 0 && part.failed === 0) part.failed = 1; // a crash or a refused setup is a failure, never a silent skip
    for (const k of Object.keys(c)) c[k] += part[k];
    if (r.code !== 0) exit = 1;
  }
  total.passed += c.passed;
  total.failed += c.failed;
  total.pending += c.pending;
  console.log(
    `== ${tier.name} tier: ${c.passed} passed, ${c.failed} failed in ${((Date.now() - started) / 1000).toFixed(1)}s ==`,
  );
}

// `npm run screenshots`: docs/images/ becomes exactly the pictures of this run, and only when everything passed.
const shots = path.join(root, 'test-results', 'screenshots');
if (flags.has('--screenshots') && exit === 0 && total.failed === 0 && existsSync(shots)) {
  const images = path.join(root, 'docs', 'images');
  mkdirSync(images, { recursive: true });
  for (const f of readdirSync(images)) if (f.endsWith('.png')) rmSync(path.join(images, f));
  const pictures = readdirSync(shots).filter((f) => f.endsWith('.png'));
  for (const f of pictures) copyFileSync(path.join(shots, f), path.join(images, f));
  console.log(`\nscreenshots: docs/images/ now holds this run's ${pictures.length} pictures: ${pictures.join(', ')}`);
} else if (flags.has('--screenshots')) {
  console.log('\nscreenshots: docs/images/ left as it was (the run did not pass)');
}

console.log(
  `\ntests: ${total.passed} passed, ${total.failed} failed${total.pending ? `, ${total.pending} skipped` : ''}`,
);
process.exit(exit);
