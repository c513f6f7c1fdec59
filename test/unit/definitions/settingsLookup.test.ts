// The workspace's Settings are found when a command is given one group's file: protected principals must not be
// dropped because the Settings file was not among the paths. Real folders in a temporary directory; no tenant.
import * as assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { loadDefinitions } from '../../../src/cli/planning';
import { testIo } from '../../graph/harness/cliIo';

const group = (name: string) =>
  `apiVersion: pim-groups/v1\nkind: PimGroup\nmetadata:\n  name: ${name}\ngroup:\n  displayName: PIM-${name}\n`;
const settings = (...refs: string[]) =>
  `apiVersion: pim-groups/v1\nkind: Settings\nprotectedPrincipals:\n${refs.map((r) => `  - ${r}\n`).join('')}`;

describe("definitions: the workspace's Settings, looked up above the given paths", () => {
  let repo: string;
  const write = (file: string, text: string) => {
    mkdirSync(path.dirname(path.join(repo, file)), { recursive: true });
    writeFileSync(path.join(repo, file), text);
  };
  beforeEach(() => {
    repo = mkdtempSync(path.join(tmpdir(), 'pim-settings-'));
    write('groups/helpdesk.pim.yaml', group('helpdesk'));
  });
  afterEach(() => rmSync(repo, { recursive: true, force: true }));

  it("finds the Settings at the workspace root when planning one group's file, and says where they came from", () => {
    write('settings.pim.yaml', settings('user:breakglass@contoso.com'));
    const io = testIo(repo);
    const ws = loadDefinitions(['groups/helpdesk.pim.yaml'], io);
    assert.deepEqual(ws?.settings?.protectedPrincipals, ['user:breakglass@contoso.com']);
    assert.equal(ws?.settings?.source.file, 'settings.pim.yaml');
    assert.deepEqual(
      ws?.groups.map((g) => g.metadata.name),
      ['helpdesk'],
    );
    assert.match(io.text(), /^Settings: settings\.pim\.yaml \(the workspace's, found above the given paths\)\.$/m);
  });

  it('goes above the working directory up to the repository root, and no further', () => {
    mkdirSync(path.join(repo, 'inner', '.git'), { recursive: true });
    write('settings.pim.yaml', settings('user:outside@contoso.com'));
    write('inner/settings.pim.yaml', settings('user:breakglass@contoso.com'));
    write('inner/groups/helpdesk.pim.yaml', group('helpdesk'));
    const ws = loadDefinitions(['helpdesk.pim.yaml'], testIo(path.join(repo, 'inner', 'groups')));
    assert.deepEqual(ws?.settings?.protectedPrincipals, ['user:breakglass@contoso.com']);
    assert.equal(ws?.settings?.source.file, path.join('..', 'settings.pim.yaml'));
  });

  it('takes the nearest Settings: one environment folder does not see the other', () => {
    write('prod/settings.pim.yaml', settings('user:prod-breakglass@contoso.com'));
    write('test/settings.pim.yaml', settings('user:test-breakglass@contoso.com'));
    write('prod/groups/helpdesk.pim.yaml', group('helpdesk'));
    const ws = loadDefinitions(['prod/groups/helpdesk.pim.yaml'], testIo(repo));
    assert.deepEqual(ws?.settings?.protectedPrincipals, ['user:prod-breakglass@contoso.com']);
  });

  it('refuses two Settings documents at the same distance (PIM054), as it does for the whole folder', () => {
    write('settings.pim.yaml', settings('user:a@contoso.com'));
    write('more/settings.pim.yaml', settings('user:b@contoso.com'));
    const io = testIo(repo);
    assert.equal(loadDefinitions(['groups/helpdesk.pim.yaml'], io), undefined);
    assert.match(io.text(), /PIM054/);
  });

  it('stops the plan at a broken Settings document instead of protecting nobody', () => {
    write('settings.pim.yaml', settings('breakglass@contoso.com'));
    const io = testIo(repo);
    assert.equal(loadDefinitions(['groups/helpdesk.pim.yaml'], io), undefined);
    assert.match(io.text(), /^settings\.pim\.yaml:4:\d+ error /m);
  });

  it('looks nowhere else when the given files hold the Settings, and finds nothing where there are none', () => {
    write('settings.pim.yaml', settings('user:root@contoso.com'));
    write('groups/own.pim.yaml', settings('user:breakglass@contoso.com'));
    const io = testIo(repo);
    assert.deepEqual(loadDefinitions(['groups'], io)?.settings?.protectedPrincipals, ['user:breakglass@contoso.com']);
    assert.doesNotMatch(io.text(), /^Settings:/m);
    rmSync(path.join(repo, 'settings.pim.yaml'));
    rmSync(path.join(repo, 'groups', 'own.pim.yaml'));
    assert.equal(loadDefinitions(['groups/helpdesk.pim.yaml'], testIo(repo))?.settings, undefined);
  });

  it('without a repository, stops at the working directory (it never searches the whole machine)', () => {
    write('settings.pim.yaml', settings('user:breakglass@contoso.com'));
    const ws = loadDefinitions(['helpdesk.pim.yaml'], testIo(path.join(repo, 'groups')));
    assert.equal(ws?.settings, undefined);
  });
});
