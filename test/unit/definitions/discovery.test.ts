import * as assert from 'node:assert/strict';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { DiscoveryError, discoverDefinitions, isDefinitionPath } from '../../../src/definitions/discovery';
import { nodeDiscoveryFs } from '../../../src/cli/definitionFiles';
import { loadDefinitions } from '../../../src/cli/planning';
import { CliIo } from '../../../src/cli/io';
import { main } from '../../../src/cli/main';

const GOOD = 'apiVersion: pim-groups/v1\nkind: PimGroup\nmetadata:\n  name: NAME\ngroup:\n  displayName: PIM-NAME\n';
const good = (name: string) => GOOD.replaceAll('NAME', name);

function testIo(cwd: string): CliIo & { text(): string } {
  const lines: string[] = [];
  return {
    out: (l) => lines.push(l),
    err: (l) => lines.push(l),
    isTty: false,
    cwd,
    env: {},
    signal: new AbortController().signal,
    confirm: async () => false,
    text: () => lines.join('\n'),
  };
}

describe('definitions: which files are definitions', () => {
  let base: string, repo: string, outside: string;
  beforeEach(() => {
    base = mkdtempSync(path.join(tmpdir(), 'pim-discovery-'));
    repo = path.join(base, 'repo');
    outside = path.join(base, 'elsewhere');
    mkdirSync(path.join(repo, 'teams'), { recursive: true });
    mkdirSync(outside);
    writeFileSync(path.join(repo, 'teams', 'a.pim.yaml'), good('a'));
    writeFileSync(path.join(outside, 'secret.pim.yaml'), good('secret'));
  });
  afterEach(() => rmSync(base, { recursive: true, force: true }));

  const found = (args: string[] = []) =>
    discoverDefinitions(nodeDiscoveryFs, args, repo).files.map((f) => path.relative(repo, f));

  it('names definitions by file name, outside hidden folders and node_modules', () => {
    assert.ok(isDefinitionPath('teams/a.pim.yaml') && isDefinitionPath('b.PIM.YML'));
    assert.ok(
      !isDefinitionPath('.git/a.pim.yaml') &&
        !isDefinitionPath('x/node_modules/a.pim.yaml') &&
        !isDefinitionPath('a.yaml'),
    );
    mkdirSync(path.join(repo, 'node_modules', 'x'), { recursive: true });
    mkdirSync(path.join(repo, '.github'));
    writeFileSync(path.join(repo, 'node_modules', 'x', 'n.pim.yaml'), good('n'));
    writeFileSync(path.join(repo, '.github', 'h.pim.yml'), good('h'));
    assert.deepEqual(found(), [path.join('teams', 'a.pim.yaml')]);
  });

  it('follows links that stay inside the workspace root, and reads each file once', () => {
    symlinkSync(path.join(repo, 'teams', 'a.pim.yaml'), path.join(repo, 'alias.pim.yaml'));
    symlinkSync(path.join(repo, 'teams'), path.join(repo, 'linked-teams'));
    mkdirSync(path.join(repo, 'shared'));
    writeFileSync(path.join(repo, 'shared', 'b.pim.yaml'), good('b'));
    symlinkSync(path.join(repo, 'shared', 'b.pim.yaml'), path.join(repo, 'teams', 'b-link.pim.yaml'));
    assert.deepEqual(found(), [path.join('shared', 'b.pim.yaml'), path.join('teams', 'a.pim.yaml')]);
  });

  it('validate reads a definition that is a link inside the workspace', async () => {
    mkdirSync(path.join(repo, 'shared'));
    writeFileSync(path.join(repo, 'shared', 'bad.txt'), 'kind: [');
    symlinkSync(path.join(repo, 'shared', 'bad.txt'), path.join(repo, 'teams', 'bad.pim.yaml'));
    const io = testIo(repo);
    assert.equal(await main(['validate'], io), 1, io.text());
    assert.match(io.text(), /bad\.pim\.yaml/);
  });

  it('does not follow links out of the workspace root, and says so', () => {
    symlinkSync(path.join(outside, 'secret.pim.yaml'), path.join(repo, 'teams', 'secret.pim.yaml'));
    symlinkSync(outside, path.join(repo, 'elsewhere'));
    const d = discoverDefinitions(nodeDiscoveryFs, [], repo);
    assert.deepEqual(
      d.files.map((f) => path.relative(repo, f)),
      [path.join('teams', 'a.pim.yaml')],
    );
    assert.deepEqual(d.skipped.map((s) => path.relative(repo, s.path)).sort(), [
      'elsewhere',
      path.join('teams', 'secret.pim.yaml'),
    ]);
    assert.throws(
      () => discoverDefinitions(nodeDiscoveryFs, ['teams/secret.pim.yaml'], repo),
      (e: Error) => e instanceof DiscoveryError && e.problem === 'outside',
    );
  });

  it('plan and apply read only what validate reads: no file outside the repository', () => {
    symlinkSync(path.join(outside, 'secret.pim.yaml'), path.join(repo, 'teams', 'secret.pim.yaml'));
    const io = testIo(repo);
    const ws = loadDefinitions([], io);
    assert.deepEqual(
      ws?.groups.map((g) => g.metadata.name),
      ['a'],
    );
    assert.match(io.text(), /warning: teams[\\/]secret\.pim\.yaml is not read: it is a link to .*elsewhere/);
  });

  it('a path named outside the working directory is read, links inside it included', () => {
    writeFileSync(path.join(outside, 'notes.txt'), good('notes'));
    symlinkSync(path.join(outside, 'notes.txt'), path.join(outside, 'notes.pim.yaml'));
    const d = discoverDefinitions(nodeDiscoveryFs, [outside], repo);
    assert.deepEqual(
      d.files.map((f) => path.basename(f)),
      ['notes.pim.yaml', 'secret.pim.yaml'],
    );
  });

  it('stops with the path when a folder cannot be read', () => {
    const denied = path.join(repo, 'teams');
    const fs = {
      ...nodeDiscoveryFs,
      list: (dir: string) => {
        if (dir === denied) throw Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES' });
        return nodeDiscoveryFs.list(dir);
      },
    };
    assert.throws(
      () => discoverDefinitions(fs, [], repo),
      (e: Error) => e instanceof DiscoveryError && e.problem === 'unreadable' && e.message.includes(denied),
    );
  });

  it('validate stops with the path of an unreadable folder (as a user without root)', async function () {
    if (process.getuid?.() === 0) this.skip(); // root reads every folder; the rule itself is tested above
    const denied = path.join(repo, 'teams');
    chmodSync(denied, 0o000);
    try {
      const io = testIo(repo);
      assert.equal(await main(['validate'], io), 1);
      assert.match(io.text(), /Cannot read the folder .*teams/);
    } finally {
      chmodSync(denied, 0o755);
    }
  });
});
