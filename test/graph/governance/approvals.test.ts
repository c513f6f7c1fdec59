import * as assert from 'node:assert/strict';
import { myMemberships } from '../../../src/activation';
import { harness, Harness } from '../harness/harness';
import { run, testIo } from '../harness/cliIo';
import { applyGovernanceGroup, caller, GROUP, requestActivation } from './fixture';

describe('governance: approvals from the command line', function () {
  this.timeout(120_000);
  let h: Harness;
  let groupId: string;
  const as = (upn: string) => ['--sandbox', h.sb.url, '--as', upn];
  before(async () => {
    h = await harness();
    groupId = await applyGovernanceGroup(h);
  });
  after(() => h.close());

  it('lists the requests waiting for me with requester, group, role, duration and justification, escaped', async () => {
    const id = await requestActivation(h, 'alice@contoso.com', groupId, 'incident 42\x1b[2J\nfake line');
    const io = testIo(process.cwd());
    assert.equal(await run(['approvals', ...as('lead@contoso.com')], io), 0, io.text());
    const text = io.lines.join('\n');
    assert.match(text, new RegExp(`${id}  Alice Ward <alice@contoso.com> → ${GROUP} \\(member\\) for PT2H`));
    assert.match(text, /incident 42\\e\[2J\\nfake line/);
    assert.ok(!text.includes('\x1b'), 'no raw escape reaches the terminal');

    const json = testIo(process.cwd());
    assert.equal(await run(['approvals', '--json', ...as('lead@contoso.com')], json), 0);
    const rows = JSON.parse(json.lines.join('\n'));
    const row = rows.find((r: { requestId: string }) => r.requestId === id);
    assert.equal(row.justification, 'incident 42\x1b[2J\nfake line', 'JSON keeps the text as the tenant holds it');
    assert.equal(row.duration, 'PT2H');
    assert.equal(row.groupName, GROUP);
  });

  it('approves a request: the requester becomes active', async () => {
    const id = await requestActivation(h, 'bob@contoso.com', groupId, 'deploy window');
    const io = testIo(process.cwd());
    const code = await run(
      ['approve', '--id', id, '--justification', 'ok for the window', ...as('lead@contoso.com')],
      io,
    );
    assert.equal(code, 0, io.text());
    assert.match(io.text(), new RegExp(`Approved request ${id}`));
    const bob = await myMemberships(caller(h, 'bob@contoso.com'));
    assert.ok(bob.memberships.some((m) => m.groupId === groupId && m.state === 'active'));
  });

  it('refuses a second decision on a request already decided, and changes nothing', async () => {
    const waiting = testIo(process.cwd());
    await run(['approvals', '--json', ...as('lead@contoso.com')], waiting);
    const id = JSON.parse(waiting.lines.join('\n'))[0].requestId as string;
    const first = testIo(process.cwd());
    assert.equal(
      await run(['deny', '--id', id, '--justification', 'no', ...as('lead@contoso.com')], first),
      0,
      first.text(),
    );
    const again = testIo(process.cwd());
    assert.equal(await run(['approve', '--id', id, '--justification', 'yes', ...as('lead@contoso.com')], again), 1);
    assert.match(again.errors.join('\n'), /already been decided/);
    const alice = await myMemberships(caller(h, 'alice@contoso.com'));
    assert.ok(!alice.memberships.some((m) => m.groupId === groupId && m.state === 'active'), 'the denial stands');
  });

  it('denies a request: the requester stays eligible only', async () => {
    const id = await requestActivation(h, 'alice@contoso.com', groupId, 'second try');
    const io = testIo(process.cwd());
    assert.equal(await run(['deny', '--id', id, '--justification', 'not now', ...as('lead@contoso.com')], io), 0);
    assert.match(io.text(), new RegExp(`Denied request ${id}`));
    const alice = await myMemberships(caller(h, 'alice@contoso.com'));
    assert.ok(!alice.memberships.some((m) => m.groupId === groupId && m.state !== 'eligible'));
  });

  it('refuses a decision by someone who is not an approver, and the request stays pending', async () => {
    const id = await requestActivation(h, 'alice@contoso.com', groupId, 'third try');
    const io = testIo(process.cwd());
    assert.equal(await run(['approve', '--id', id, '--justification', 'me', ...as('bob@contoso.com')], io), 1);
    assert.match(io.errors.join('\n'), /pim-groups approve: .*403 UnauthorizedAccessException/);
    const alice = await myMemberships(caller(h, 'alice@contoso.com'));
    assert.ok(alice.memberships.some((m) => m.groupId === groupId && m.state === 'pending'));
  });

  it('needs --id and --justification (usage errors, exit 2, nothing sent)', async () => {
    const io = testIo(process.cwd());
    assert.equal(await run(['approve', '--justification', 'x', ...as('lead@contoso.com')], io), 2);
    assert.match(io.errors.join('\n'), /--id ID is required/);
    const blank = testIo(process.cwd());
    assert.equal(await run(['deny', '--id', 'abc', '--justification', '  ', ...as('lead@contoso.com')], blank), 2);
    assert.match(blank.errors.join('\n'), /--justification TEXT is required/);
  });
});
