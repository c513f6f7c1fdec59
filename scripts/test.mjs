#!/usr/bin/env node
// Runs the test tiers (unit, graph, host) and ends with one line the CI reads: `tests: N passed, N failed`.
// Usage: node scripts/test.mjs [lint|unit|graph|host ...] [--screenshots] [--no-build]
// Every tier that exists runs; a tier that cannot run (missing code-server, a crash) counts as a failure.
// A tier's tools are set up when missing (the host tier's by scripts/setup-host.sh), so `npm ci && npm test` is
// the whole set-up on a new machine.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const args = process.argv.slice(2);
const wanted = args.filter((a) => !a.startsWith('--'));
const flags = new Set(args.filter((a) => a.startsWith('--')));
const mocha = path.join(root, 'node_modules', 'mocha', 'bin', 'mocha.js');

const tiers = [
  { name: 'unit', present: () => true, cmd: [process.execPath, mocha, '--config', 'test/unit/.mocharc.json'] },
  { name: 'graph', present: () => true, cmd: [process.execPath, mocha, '--config', 'test/graph/.mocharc.json'] },
  {
    name: 'host',
    present: () => existsSync(path.join(root, 'test/host/harness/run.ts')),
    // code-server into the tool cache and Debian's Chromium: checked in seconds, installed once (about two minutes).
    setup: ['bash', 'scripts/setup-host.sh'],
    // The harness's own flags pass through: --screenshots (npm run screenshots), --verbose, --keep-temp.
    cmd: [process.execPath, 'out/test/host/harness/run.js', ...['--screenshots', '--verbose', '--keep-temp'].filter((f) => flags.has(f))],
  },
];

function run(cmd, { capture } = {}) {
  return new Promise((resolve) => {
    const child = spawn(cmd[0], cmd.slice(1), { cwd: root, stdio: ['ignore', 'pipe', 'pipe'], env: process.env });
    let out = '';
    child.stdout.on('data', (d) => { process.stdout.write(d); if (capture) out += d; });
    child.stderr.on('data', (d) => { process.stderr.write(d); if (capture) out += d; });
    child.on('close', (code, signal) => resolve({ code: code ?? (signal ? 1 : 0), out }));
  });
}

// mocha's spec summary ("12 passing", "1 failing", "2 pending"); the host harness forwards the same lines.
function counts(out) {
  const num = (re) => [...out.matchAll(re)].reduce((n, m) => n + Number(m[1]), 0);
  return { passed: num(/^\s*(\d+) passing/gm), failed: num(/^\s*(\d+) failing/gm), pending: num(/^\s*(\d+) pending/gm) };
}

const total = { passed: 0, failed: 0, pending: 0 };
let exit = 0;

if (!flags.has('--no-build')) {
  for (const step of [['build', [process.execPath, 'esbuild.mjs']], ['compile', [process.execPath, 'node_modules/typescript/bin/tsc', '-p', '.']]]) {
    console.log(`\n== ${step[0]} ==`);
    const r = await run(step[1]);
    if (r.code !== 0) { console.error(`${step[0]} failed (exit ${r.code})`); total.failed += 1; exit = 1; }
  }
}

// Lint (typescript-eslint, layer boundaries, no cycles) is part of every whole run; a red lint fails the run.
if (!wanted.length || wanted.includes('lint')) {
  console.log('\n== lint ==');
  const r = await run([process.execPath, 'node_modules/eslint/bin/eslint.js', '.']);
  if (r.code !== 0) { console.error(`lint failed (exit ${r.code})`); total.failed += 1; exit = 1; }
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
      total.failed += 1; exit = 1;
      continue;
    }
  }
  const r = await run(tier.cmd, { capture: true });
  const c = counts(r.out);
  if (r.code !== 0 && c.failed === 0) c.failed = 1; // a crash or a refused setup is a failure, never a silent skip
  total.passed += c.passed; total.failed += c.failed; total.pending += c.pending;
  if (r.code !== 0) exit = 1;
  console.log(`== ${tier.name} tier: ${c.passed} passed, ${c.failed} failed in ${((Date.now() - started) / 1000).toFixed(1)}s ==`);
}

console.log(`\ntests: ${total.passed} passed, ${total.failed} failed${total.pending ? `, ${total.pending} skipped` : ''}`);
process.exit(exit);
