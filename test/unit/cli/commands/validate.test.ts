import * as assert from 'node:assert/strict';
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { globToRegExp } from '../../../../src/definitions/pathGlob';
import { CliIo } from '../../../../src/cli/io';
import { main } from '../../../../src/cli/main';

const examples = path.resolve(__dirname, '../../../../../examples');

/** Runs the CLI in-process against a directory, capturing what it prints. */
async function cli(cwd: string, ...args: string[]): Promise<{ code: number; out: string[]; err: string[] }> {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = {
    out: (l) => out.push(l),
    err: (l) => err.push(l),
    isTty: false,
    cwd,
    env: {},
    signal: new AbortController().signal,
    confirm: async () => false,
  };
  const code = await main(['validate', ...args], io);
  return { code, out, err };
}

describe('cli: pim-groups validate', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'pim-validate-'));
    cpSync(examples, path.join(dir, 'defs'), { recursive: true });
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('exits 0 with no output lines when every definition under cwd is clean', async () => {
    const r = await cli(dir);
    assert.equal(r.code, 0);
    assert.deepEqual(r.out, []);
    assert.match(r.err.join('\n'), /7 files checked: 0 errors, 0 warnings/);
  });

  it('exits 1 and prints file:line:col severity CODE message for an error', async () => {
    writeFileSync(
      path.join(dir, 'defs', 'bad.pim.yaml'),
      'apiVersion: pim-groups/v1\nkind: PimGroup\nmetadata:\n  name: bad\ngroup:\n  displayName: PIM-Bad\nassignments:\n  eligible:\n    - principal: user:bob@contoso.com\n      duration: P1Y\n',
    );
    const r = await cli(dir);
    assert.equal(r.code, 1);
    assert.deepEqual(r.out, [
      `${path.join('defs', 'bad.pim.yaml')}:10:17 error PIM011 PIM refuses years in durations; write 'P365D' instead of 'P1Y'.`,
    ]);
  });

  it('exits 0 when there are only warnings, and still prints them', async () => {
    writeFileSync(
      path.join(dir, 'defs', 'warn.pim.yml'),
      'apiVersion: pim-groups/v1\nkind: PimGroup\nmetadata:\n  name: warn\n  useCase: ca-exclusion\ngroup:\n  displayName: PIM-Warn\n',
    );
    const r = await cli(dir);
    assert.equal(r.code, 0);
    assert.equal(r.out.length, 1);
    assert.match(r.out[0], /^defs[\\/]warn\.pim\.yml:5:12 warning PIM062 /);
  });

  it('validates only the named files, directories and globs', async () => {
    writeFileSync(path.join(dir, 'broken.pim.yaml'), 'kind: [');
    assert.equal((await cli(dir, 'defs')).code, 0);
    assert.equal((await cli(dir, 'defs/**/*.pim.yaml')).code, 0);
    assert.equal((await cli(dir, 'broken.pim.yaml')).code, 1);
    assert.equal((await cli(dir)).code, 1);
  });

  it('skips node_modules', async () => {
    mkdirSync(path.join(dir, 'node_modules', 'x'), { recursive: true });
    writeFileSync(path.join(dir, 'node_modules', 'x', 'bad.pim.yaml'), 'kind: [');
    assert.equal((await cli(dir)).code, 0);
  });

  it('prints JSON with 1-based positions and a summary', async () => {
    writeFileSync(path.join(dir, 'defs', 'bad.pim.yaml'), 'apiVersion: pim-groups/v1\nkind: PimGroups\n');
    const r = await cli(dir, '--format', 'json');
    assert.equal(r.code, 1);
    const report = JSON.parse(r.out.join('\n'));
    assert.equal(report.summary.errors, 1);
    assert.deepEqual(report.findings[0], {
      file: path.join('defs', 'bad.pim.yaml'),
      line: 2,
      column: 7,
      endLine: 2,
      endColumn: 16,
      severity: 'error',
      code: 'PIM003',
      message: 'kind must be PimGroup, PolicyTemplate or Settings; did you mean PimGroup?',
      fixes: ['Change to PimGroup'],
    });
  });

  it('exits 2 on usage errors: unknown option, bad format, missing path, a glob that matches nothing', async () => {
    for (const args of [
      ['--nope'],
      ['--format', 'xml'],
      ['--format'],
      ['missing.pim.yaml'],
      ['nothing/**/*.pim.yaml'],
    ]) {
      const r = await cli(dir, ...args);
      assert.equal(r.code, 2, args.join(' '));
      assert.match(r.err.join('\n'), /pim-groups validate: /);
    }
  });

  it('explains itself with --help', async () => {
    const r = await cli(dir, '--help');
    assert.equal(r.code, 0);
    assert.match(r.out.join('\n'), /Usage: pim-groups validate/);
  });

  it('globs: ** spans directories, * stays in one, braces give alternatives', () => {
    assert.ok(globToRegExp('**/*.pim.yaml').test('a/b/c.pim.yaml'));
    assert.ok(globToRegExp('**/*.pim.yaml').test('c.pim.yaml'));
    assert.ok(!globToRegExp('*.pim.yaml').test('a/c.pim.yaml'));
    assert.ok(globToRegExp('teams/*.pim.{yaml,yml}').test('teams/x.pim.yml'));
  });
});

describe('cli: validate output with hostile names', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'pim-validate-hostile-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  // A line break in metadata.name used to start a `::error file=…::` workflow command line of its own in CI logs.
  const hostile =
    'apiVersion: pim-groups/v1\nkind: PimGroup\nmetadata:\n  name: "x\\n::error file=README.md,line=1::owned\\e[2K"\ngroup:\n  displayName: PIM-X\n';

  for (const format of ['text', 'github']) {
    it(`writes one line per finding and no control character (--format ${format})`, async () => {
      writeFileSync(path.join(dir, 'evil.pim.yaml'), hostile);
      const r = await cli(dir, '--format', format);
      assert.equal(r.code, 1);
      assert.ok(r.out.length > 0);
      for (const line of r.out) {
        assert.doesNotMatch(line, /[\r\n\x1b\x07\x00]/, line);
        assert.ok(!line.startsWith('::error file=README.md'), line);
      }
      if (format === 'github')
        assert.ok(
          r.out.every((l) => /^::(error|warning|notice) file=evil\.pim\.yaml,line=\d+,col=\d+/.test(l)),
          r.out.join('\n'),
        );
    });
  }
});
