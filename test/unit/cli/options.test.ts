import * as assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { CliIo, UsageError } from '../../../src/cli/io';
import { main } from '../../../src/cli/main';
import { optionHelp, OptionSpecs, parseOptions } from '../../../src/cli/options';
import { CONNECTION_OPTIONS } from '../../../src/cli/connection';

const SPECS: OptionSpecs = {
  out: { type: 'string', value: 'FILE', description: 'where the plan goes' },
  json: { type: 'boolean', description: 'print JSON' },
  group: { type: 'string', multiple: true, value: 'NAME', description: 'a group' },
};

async function cli(...argv: string[]): Promise<{ code: number; text: string }> {
  const dir = mkdtempSync(path.join(tmpdir(), 'pim-options-'));
  const lines: string[] = [];
  const io: CliIo = {
    out: (l) => lines.push(l),
    err: (l) => lines.push(l),
    isTty: false,
    cwd: dir,
    env: {},
    signal: new AbortController().signal,
    confirm: async () => false,
  };
  try {
    return { code: await main(argv, io), text: lines.join('\n') };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('cli: options', () => {
  it('reads --name value, --name=value, booleans and repeatable options', () => {
    const p = parseOptions(['--out', 'plan.json', '--json', '--group=a', '--group', 'b', 'defs'], SPECS, {
      positionals: true,
    });
    assert.deepEqual({ ...p.values }, { out: 'plan.json', json: true, group: ['a', 'b'] });
    assert.deepEqual(p.positionals, ['defs']);
  });

  it('ends the options at --: what follows is a path even when it looks like an option', () => {
    const p = parseOptions(['defs', '--', '--json', '-x'], SPECS, { positionals: true });
    assert.equal(p.values.json, undefined);
    assert.deepEqual(p.positionals, ['defs', '--json', '-x']);
  });

  it('refuses unknown options, inherited property names included, and says which', () => {
    for (const name of ['--constructor', '--toString', '--__proto__', '--hasOwnProperty', '--nope']) {
      assert.throws(
        () => parseOptions([name, 'x'], SPECS),
        (e: Error) => e instanceof UsageError && e.message === `unknown option '${name}'`,
        name,
      );
    }
  });

  it('refuses a missing value, a value on a boolean, and a positional where none is expected', () => {
    assert.throws(() => parseOptions(['--out'], SPECS), /--out needs a value/);
    assert.throws(() => parseOptions(['--out', '--json'], SPECS), /--out needs a value/);
    assert.throws(() => parseOptions(['--json=yes'], SPECS), /--json takes no value/);
    assert.throws(() => parseOptions(['stray'], SPECS), /unexpected argument 'stray'/);
  });

  it('gives parsed values no prototype, so no inherited name can be read as an option', () => {
    const p = parseOptions([], SPECS);
    assert.equal(Object.getPrototypeOf(p.values), null);
    assert.equal(p.values.constructor, undefined);
  });

  it('writes help from the same specs, each option with its value and description', () => {
    const help = optionHelp(SPECS);
    assert.match(help[0], /^ {2}--out FILE +where the plan goes$/);
    assert.match(help[2], /--group NAME +a group \(repeatable\)$/);
  });

  it('refuses inherited property names as options and as commands on the command line', async () => {
    const flag = await cli('deactivate', '--constructor', 'x');
    assert.equal(flag.code, 2);
    assert.match(flag.text, /pim-groups deactivate: unknown option '--constructor'/);
    const toString = await cli('export', '--toString', 'x', '--all');
    assert.equal(toString.code, 2);
    assert.match(toString.text, /unknown option '--toString'/);
    const command = await cli('constructor');
    assert.equal(command.code, 2);
    assert.match(command.text, /unknown command 'constructor'/);
  });

  it('treats what follows -- as paths on the command line', async () => {
    const r = await cli('plan', '--', '--json');
    assert.equal(r.code, 2);
    assert.match(r.text, /'--json' does not exist/);
  });

  it('lists every option of a command in its --help, connection options included', async () => {
    for (const command of ['plan', 'apply', 'export', 'activate', 'deactivate']) {
      const r = await cli(command, '--help');
      assert.equal(r.code, 0, command);
      for (const [name, spec] of Object.entries(CONNECTION_OPTIONS)) {
        assert.ok(
          r.text.includes(`--${name}`) && r.text.includes(spec.description),
          `${command} --help shows --${name}`,
        );
      }
    }
    assert.match((await cli('plan', '--help')).text, /--detailed-exitcode +exit 0 when there is nothing to do/);
    assert.match((await cli('sandbox', '-h')).text, /--throttle N\/MS +per-caller budget/);
    assert.match((await cli('validate', '--help')).text, /--format text\|json/);
  });

  it('reports bad option values of sandbox and token as usage errors', async () => {
    assert.equal((await cli('sandbox', '--port', 'x')).code, 2);
    assert.equal((await cli('sandbox', '--seed', 'other')).code, 2);
    assert.equal((await cli('sandbox', '--faults', 'rate=2')).code, 2);
    assert.equal((await cli('token')).code, 2);
    assert.equal((await cli('token', '--as', 'alice@contoso.com', '--lifetime', '-1')).code, 2);
  });
});
