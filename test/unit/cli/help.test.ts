import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { main } from '../../../src/cli/main';
import type { CliIo } from '../../../src/cli/io';

const ROOT = path.resolve(__dirname, '../../../..');
const COMMANDS = [
  'validate',
  'plan',
  'apply',
  'export',
  'activate',
  'deactivate',
  'approvals',
  'approve',
  'deny',
  'history',
  'report',
  'demo',
  'sandbox',
  'token',
];

function io(): CliIo & { lines: string[] } {
  const lines: string[] = [];
  return {
    lines,
    out: (l) => lines.push(l),
    err: (l) => lines.push(l),
    isTty: false,
    cwd: ROOT,
    env: {},
    signal: new AbortController().signal,
    confirm: async () => false,
  };
}

describe('cli: top-level help and docs/cli.md', () => {
  it('lists every command with a one-line description', async () => {
    const out = io();
    assert.equal(await main(['--help'], out), 0);
    const text = out.lines.join('\n');
    for (const name of COMMANDS)
      assert.match(text, new RegExp(`^  ${name} +\\S.{10,}$`, 'm'), `${name} has a description`);
  });

  it('docs/cli.md documents every command and every option each command accepts', async () => {
    const doc = fs.readFileSync(path.join(ROOT, 'docs/cli.md'), 'utf8');
    for (const name of COMMANDS) {
      assert.match(doc, new RegExp(`^## (.* )?${name}\\b`, 'm'), `docs/cli.md has a section for ${name}`);
      const help = io();
      await main([name, '--help'], help);
      const options = [...help.lines.join('\n').matchAll(/^\s+(?:-\w, )?--([a-z][\w-]*)/gm)]
        .map((m) => m[1])
        .filter((o) => o !== 'help');
      for (const option of options) assert.ok(doc.includes(`--${option}`), `docs/cli.md mentions ${name} --${option}`);
    }
  });
});
