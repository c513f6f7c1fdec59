import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { harness, Harness } from '../harness/harness';
import { run, tempWorkspace, testIo } from '../harness/cliIo';
import type { Plan } from '../../../src/plan';

const DAY = 86_400_000;
const group = (name: string, displayName: string, assignments: string) => `apiVersion: pim-groups/v1
kind: PimGroup
metadata: { name: ${name} }
group: { displayName: ${displayName} }
assignments:
${assignments}`;
const FRANK_P7D = (extra = '') => `  eligible:\n    - principal: user:frank@contoso.com\n      duration: P7D${extra}\n`;

// The admin's nightly loop, through the CLI as a pipeline runs it: definitions in a folder, the sandbox as the
// tenant, its clock moved instead of waiting, and "portal" edits made with raw Graph calls.
describe('plan semantics an admin can run unattended (CLI against the sandbox)', function () {
  this.timeout(300_000);
  let h: Harness;
  let dir: string;
  beforeEach(async () => {
    h = await harness();
    dir = tempWorkspace(false);
    fs.mkdirSync(path.join(dir, 'defs'));
  });
  afterEach(async () => {
    await h.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const write = (file: string, text: string) => fs.writeFileSync(path.join(dir, 'defs', file), text);
  const cli = async (...args: string[]) => {
    const io = testIo(dir);
    const code = await run([...args, '--sandbox', h.sb.url], io);
    return { code, text: io.text(), io };
  };
  const plan = async (...extra: string[]) => {
    const r = await cli('plan', 'defs', '--detailed-exitcode', ...extra);
    const json = await cli('plan', 'defs', '--json', ...extra);
    return { ...r, plan: JSON.parse(json.io.lines.join('\n')) as Plan };
  };
  const apply = async (...extra: string[]) => {
    const r = await cli('apply', 'defs', '--yes', ...extra);
    assert.equal(r.code, 0, r.text);
    return r;
  };
  const ops = (p: Plan) =>
    p.groups.flatMap((g) => g.operations.map((o) => `${o.summary}${o.marks.length ? ` [${o.marks.join(', ')}]` : ''}`));
  const idOf = async (upn: string) =>
    (await h.t.get<{ value: { id: string }[] }>(`/users?$filter=userPrincipalName eq '${upn}'`)).value[0].id;

  it('P7D applied, clock +8 days: no operation, an "expired" note, exit 0; with renew: auto a [renewal], exit 2', async () => {
    write('nightly.pim.yaml', group('nightly', 'SEM-Nightly', FRANK_P7D()));
    await apply();
    h.sb.clock.advance(8 * DAY);
    const expired = await plan();
    assert.equal(expired.code, 0, expired.text);
    assert.match(
      expired.text,
      /warning PIM221 \[nightly\]: The eligible member user:frank@contoso.com expired on .*; not renewed \(renew: never\)/,
    );
    assert.match(expired.text, /No changes: the tenant matches the definitions\./);
    assert.equal(expired.plan.summary.drift, 0, 'natural expiry is never drift');

    write('nightly.pim.yaml', group('nightly', 'SEM-Nightly', FRANK_P7D('\n      renew: auto')));
    const renewal = await plan();
    assert.equal(renewal.code, 2, renewal.text);
    assert.deepEqual(ops(renewal.plan), [
      `renew eligible member user:frank@contoso.com for P7D (expired on ${expired.text.match(/expired on (\S+ \S+ UTC)/)![1]}) [renewal]`,
    ]);
    await apply();
    assert.equal((await plan()).code, 0, 'renewed: nothing left to do');
  });

  it("an expired until in one file warns for that assignment only while another file's group is planned", async () => {
    write(
      'old.pim.yaml',
      group(
        'old',
        'SEM-Old',
        '  eligible:\n    - principal: user:frank@contoso.com\n      until: 2020-01-31T00:00:00Z\n',
      ),
    );
    write('new.pim.yaml', group('new', 'SEM-New', FRANK_P7D()));
    const r = await plan();
    assert.equal(r.code, 2, r.text);
    assert.match(r.text, /warning PIM022: until \(2020-01-31T00:00:00Z\) has passed/);
    assert.match(
      r.text,
      /warning PIM220 \[old\]: The eligible member user:frank@contoso.com ended on 2020-01-31 00:00 UTC/,
    );
    assert.ok(ops(r.plan).includes('add eligible member user:frank@contoso.com for P7D'), ops(r.plan).join('\n'));
    assert.ok(
      !ops(r.plan).some((o) => /add eligible .* until 2020/.test(o)),
      'nothing is granted for the expired line',
    );
  });

  it('a removal made in the file is a plain [removal]; one made in the tenant is [drift]', async () => {
    const both =
      '  eligible:\n    - principal: user:frank@contoso.com\n      duration: P30D\n    - principal: user:grace@contoso.com\n      duration: P30D\n';
    write('team.pim.yaml', group('team', 'SEM-Team', both));
    await apply();
    h.sb.clock.advance(10 * 60_000); // past PIM's 5-minute floor before a new assignment may be removed
    write(
      'team.pim.yaml',
      group('team', 'SEM-Team', '  eligible:\n    - principal: user:frank@contoso.com\n      duration: P30D\n'),
    );
    const fromFile = await plan();
    assert.deepEqual(
      ops(fromFile.plan).map((o) => o.replace(/\(until [^;]+;/, '(…;')),
      ['remove eligible member user:grace@contoso.com (…; not in the definitions) [removal]'],
    );

    write('team.pim.yaml', group('team', 'SEM-Team', both));
    const groupId = fromFile.plan.groups[0].groupId!;
    await h.t.post('/identityGovernance/privilegedAccess/group/eligibilityScheduleRequests', {
      action: 'adminAssign',
      accessId: 'member',
      groupId,
      principalId: await idOf('henry@contoso.com'),
      scheduleInfo: { expiration: { type: 'afterDuration', duration: 'P5D' } },
    });
    const fromTenant = await plan();
    assert.deepEqual(
      ops(fromTenant.plan).map((o) => o.replace(/\(until [^;]+;/, '(…;')),
      ['remove eligible member user:henry@contoso.com (…; added in the tenant since the last apply) [removal, drift]'],
    );
  });

  it('a renamed definition updates its group (no create) and says how to pin it; a deleted one is reported', async () => {
    write('renamed.pim.yaml', group('renamed', 'SEM-Before', FRANK_P7D()));
    write('retired.pim.yaml', group('retired', 'SEM-Retired', FRANK_P7D()));
    await apply();
    write('renamed.pim.yaml', group('renamed', 'SEM-After', FRANK_P7D()));
    fs.rmSync(path.join(dir, 'defs', 'retired.pim.yaml'));
    const r = await plan();
    assert.equal(r.code, 2, r.text);
    assert.deepEqual(ops(r.plan), ["rename group displayName 'SEM-Before' → 'SEM-After'"]);
    assert.match(r.text, /warning PIM215 \[renamed\]: .*Pin it in the file with group.id: [0-9a-f-]{36}/);
    assert.match(
      r.text,
      /warning PIM217 \[retired\]: The definition 'retired' \(group 'SEM-Retired', from .*retired.pim.yaml\) was applied before and is no longer in the definitions\. Group 'SEM-Retired' \([0-9a-f-]{36}\) still exists with 1 eligible and 0 active assignment\(s\)/,
    );
    await apply('--forget', 'retired');
    const after = await plan();
    assert.equal(after.code, 0, after.text);
    assert.doesNotMatch(after.text, /PIM217/, 'forgotten: its access stays and it is no longer reported');
  });

  it('eligible: [] means nobody: the eligibilities are removed and marked; the active list, left out, is untouched', async () => {
    write(
      'empty.pim.yaml',
      group(
        'empty',
        'SEM-Empty',
        FRANK_P7D() +
          '  active:\n    - principal: user:grace@contoso.com\n      duration: P7D\n      justification: standing cover\n',
      ),
    );
    await apply();
    h.sb.clock.advance(10 * 60_000);
    write('empty.pim.yaml', group('empty', 'SEM-Empty', '  eligible: []\n'));
    const r = await plan();
    assert.equal(r.code, 2, r.text);
    assert.deepEqual(
      ops(r.plan).map((o) => o.replace(/\(until [^;]+;/, '(…;')),
      ['remove eligible member user:frank@contoso.com (…; not in the definitions) [removal]'],
    );
  });

  it("keeps one applied record per tenant beside the definitions: applying to a second tenant keeps the first one's", async () => {
    write('multi.pim.yaml', group('multi', 'SEM-Multi', FRANK_P7D()));
    const second = await harness();
    try {
      await apply();
      const io = testIo(dir);
      assert.equal(await run(['apply', 'defs', '--yes', '--sandbox', second.sb.url], io), 0, io.text());
      const records = fs.readdirSync(path.join(dir, 'defs', '.pim-groups', 'applied')).sort();
      assert.equal(records.length, 2, records.join(', '));
      assert.ok(
        !fs.existsSync(path.join(dir, '.pim-groups')),
        'nothing is written in the directory the command ran from',
      );
      const targets = records
        .map((f) => JSON.parse(fs.readFileSync(path.join(dir, 'defs', '.pim-groups', 'applied', f), 'utf8')).target)
        .sort();
      assert.deepEqual(targets, [h.sb.url, second.sb.url].sort());
      const kept = JSON.parse(fs.readFileSync(path.join(dir, 'defs', '.pim-groups', 'applied', records[0]), 'utf8'));
      assert.equal(kept.groups.multi.file, 'multi.pim.yaml', "definition files are relative to the record's root");
      assert.match(kept.groups.multi.groupId, /^[0-9a-f-]{36}$/);
    } finally {
      await second.close();
    }
  });

  it('checks tenant facts at plan time: authentication context, empty approver group, last owner (warnings, with codes)', async () => {
    write(
      'checks.pim.yaml',
      `apiVersion: pim-groups/v1
kind: PimGroup
metadata: { name: checks }
group: { displayName: SEM-Checks }
policies:
  member:
    activation:
      authenticationContext: c2
      approval: { approvers: [ group:Emergency Access ] }
  owner:
    activation: { authenticationContext: c9 }
assignments:
  eligible:
    - principal: user:frank@contoso.com
      role: owner
      duration: P7D
`,
    );
    const r = await plan();
    assert.equal(r.code, 2, r.text);
    const codes = r.plan.issues.map((i) => i.code).sort();
    assert.deepEqual(codes, ['PIM230', 'PIM231', 'PIM232', 'PIM233'], r.text);
    assert.match(r.text, /authentication context c9, which does not exist in the tenant/);
    assert.match(r.text, /authentication context c2, but no enabled Conditional Access policy uses it/);
    assert.match(r.text, /Approver group 'group:Emergency Access' of the member policy has no members/);
    assert.match(r.text, /'SEM-Checks' would have owners only through just-in-time access and no standing owner/);
  });
});
