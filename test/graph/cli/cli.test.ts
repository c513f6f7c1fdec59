import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { paths } from '../../../src/graph/api/paths';
import { harness, Harness } from '../harness/harness';
import { run, tempWorkspace, testIo } from '../harness/cliIo';

describe('cli: plan, apply, export, activate, deactivate against the sandbox', function () {
  this.timeout(120_000);
  let h: Harness;
  let dir: string;
  beforeEach(async () => {
    h = await harness();
    dir = tempWorkspace();
  });
  afterEach(async () => {
    await h.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });
  const sb = () => ['--sandbox', h.sb.url];

  it('plan --detailed-exitcode says 2 with changes, apply --yes converges, then plan says 0', async () => {
    const io = testIo(dir);
    assert.equal(await run(['plan', 'examples', '--detailed-exitcode', ...sb()], io), 2, io.text());
    assert.match(io.text(), /Plan: \d+ to add, \d+ to change, 1 to remove\./);
    const apply = testIo(dir);
    assert.equal(await run(['apply', 'examples', '--yes', ...sb()], apply), 0, apply.text());
    assert.match(apply.text(), /The tenant now matches the plan\./);
    assert.deepEqual(
      fs.readdirSync(path.join(dir, 'examples/.pim-groups/applied')).length,
      1,
      'the applied record is kept for drift, beside the definitions, one per tenant',
    );
    const again = testIo(dir);
    assert.equal(await run(['plan', 'examples', '--detailed-exitcode', ...sb()], again), 0, again.text());
  });

  it('apply refuses to run without confirmation when there is no terminal', async () => {
    const io = testIo(dir);
    assert.equal(await run(['apply', 'examples', ...sb()], io), 1);
    assert.match(io.text(), /Refusing to apply without confirmation/);
  });

  it('apply asks on a terminal and does nothing when the answer is no', async () => {
    const io = testIo(dir, { tty: true, answer: false });
    assert.equal(await run(['apply', 'examples', ...sb()], io), 0);
    assert.match(io.text(), /Nothing applied\./);
    const check = testIo(dir);
    assert.equal(await run(['plan', 'examples', '--detailed-exitcode', ...sb()], check), 2);
  });

  it('plan --out then apply --plan; a stale plan file is refused', async () => {
    const io = testIo(dir);
    assert.equal(await run(['plan', 'examples', '--out', 'plan.json', '--json', ...sb()], io), 0);
    const planJson = JSON.parse(fs.readFileSync(path.join(dir, 'plan.json'), 'utf8'));
    assert.equal(planJson.formatVersion, 1);
    assert.deepEqual(JSON.parse(io.lines.join('\n')).fingerprint, planJson.fingerprint);
    // The tenant changes after the plan: a rule of a managed group is edited in the portal.
    const group = planJson.groups.find((g: { key: string }) => g.key === 'intune-helpdesk').groupId;
    const pol = (
      await h.t.get<{ value: { policyId: string; roleDefinitionId: string; policy: { rules: { id: string }[] } }[] }>(
        paths.policyAssignments(group),
      )
    ).value.find((p) => p.roleDefinitionId === 'member')!;
    const rule = pol.policy.rules.find((r) => r.id === 'Expiration_EndUser_Assignment')!;
    await h.t.patch(paths.rule(pol.policyId, rule.id), { ...rule, maximumDuration: 'PT5H' });
    const stale = testIo(dir);
    assert.equal(await run(['apply', '--plan', 'plan.json', '--yes', ...sb()], stale), 1);
    assert.match(stale.text(), /tenant changed since this plan was made/);
    const fresh = testIo(dir);
    assert.equal(await run(['plan', 'examples', '--out', 'plan.json', ...sb()], fresh), 0);
    const ok = testIo(dir);
    assert.equal(await run(['apply', '--plan', 'plan.json', '--yes', ...sb()], ok), 0, ok.text());
  });

  it('plan exits 1 with the reason when a principal is unknown', async () => {
    fs.writeFileSync(
      path.join(dir, 'bad.pim.yaml'),
      'apiVersion: pim-groups/v1\nkind: PimGroup\nmetadata: { name: bad }\ngroup: { displayName: PIM-Bad }\nassignments:\n  eligible:\n    - principal: user:ghost@contoso.com\n      duration: P30D\n',
    );
    const io = testIo(dir);
    assert.equal(await run(['plan', 'bad.pim.yaml', ...sb()], io), 1);
    assert.match(
      io.text(),
      /error PIM201 \[bad\]: 'user:ghost@contoso\.com' was not found in the tenant.*bad\.pim\.yaml:7/,
    );
  });

  it('export --all --out writes definitions that plan as nothing to do', async () => {
    const io = testIo(dir);
    assert.equal(await run(['export', '--all', '--out', 'exported', ...sb()], io), 0, io.text());
    assert.ok(fs.readdirSync(path.join(dir, 'exported')).includes('pim-intune-helpdesk.pim.yaml'));
    const check = testIo(dir);
    assert.equal(await run(['plan', 'exported', '--detailed-exitcode', ...sb()], check), 0, check.text());
  });

  it('activate lists memberships with requirements, activates, and deactivate ends it', async () => {
    const list = testIo(dir);
    assert.equal(await run(['activate', ...sb(), '--as', 'alice@contoso.com', '--mfa'], list), 0, list.text());
    assert.match(list.text(), /eligible member PIM-Intune-Helpdesk until /);
    const act = testIo(dir);
    assert.equal(
      await run(
        [
          'activate',
          '--group',
          'PIM-Intune-Helpdesk',
          '--duration',
          'PT2H',
          '--justification',
          'ticket 42',
          ...sb(),
          '--as',
          'alice@contoso.com',
          '--mfa',
        ],
        act,
      ),
      0,
      act.text(),
    );
    assert.match(act.text(), /Activated \(Provisioned\)/);
    const after = testIo(dir);
    await run(['activate', '--list', ...sb(), '--as', 'alice@contoso.com'], after);
    assert.match(after.text(), /active {3}member PIM-Intune-Helpdesk/);
    const early = testIo(dir);
    assert.equal(
      await run(['deactivate', '--group', 'PIM-Intune-Helpdesk', ...sb(), '--as', 'alice@contoso.com'], early),
      1,
    );
    assert.match(early.text(), /within 5 minutes/);
    h.sb.clock.advance(10 * 60_000);
    const de = testIo(dir);
    assert.equal(
      await run(['deactivate', '--group', 'PIM-Intune-Helpdesk', ...sb(), '--as', 'alice@contoso.com'], de),
      0,
      de.text(),
    );
  });

  it('activate explains what the policy requires, read from the policy as the eligible member, before sending', async () => {
    const io = testIo(dir);
    assert.equal(
      await run(
        ['activate', '--group', 'PIM-Intune-Helpdesk', '--duration', 'PT2H', ...sb(), '--as', 'alice@contoso.com'],
        io,
      ),
      1,
    );
    assert.match(io.text(), /PIM-Intune-Helpdesk \(member\) requires: max PT4H, justification\./);
    assert.match(io.text(), /--justification: The group's policy requires a justification\./);
    assert.ok(
      !h.sb.requestLog.some((e) => e.method === 'POST' && e.path.includes('assignmentScheduleRequests')),
      'nothing was sent',
    );
  });
});

describe('cli: apply --plan derives the plan again and refuses a tampered file', function () {
  this.timeout(120_000);
  let h: Harness;
  let dir: string;
  beforeEach(async () => {
    h = await harness();
    dir = tempWorkspace();
  });
  afterEach(async () => {
    await h.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });
  const sb = () => ['--sandbox', h.sb.url];

  async function planFile(): Promise<any> {
    const io = testIo(dir);
    assert.equal(await run(['plan', 'examples', '--out', 'plan.json', ...sb()], io), 0, io.text());
    return JSON.parse(fs.readFileSync(path.join(dir, 'plan.json'), 'utf8'));
  }

  it('refuses a file whose summary string was edited, and shows none of its text', async () => {
    const plan = await planFile();
    const op = plan.groups.flatMap((g: { operations: { summary: string }[] }) => g.operations)[0];
    op.summary = 'harmless: update a description';
    fs.writeFileSync(path.join(dir, 'plan.json'), JSON.stringify(plan));
    const io = testIo(dir);
    assert.equal(await run(['apply', '--plan', 'plan.json', '--yes', ...sb()], io), 1);
    assert.match(io.text(), /are not the ones its definition and the tenant give now.*Nothing was applied/);
    assert.doesNotMatch(io.text(), /harmless: update a description/);
  });

  it('refuses a file with an added operation (an active owner granted), and applies nothing', async () => {
    const plan = await planFile();
    const g = plan.groups.find((x: { operations: unknown[] }) =>
      x.operations.some((o: any) => o.kind === 'addAssignment'),
    );
    const add = g.operations.find((o: any) => o.kind === 'addAssignment');
    g.operations.push({
      ...add,
      id: `${add.id}-extra`,
      kind: 'addAssignment',
      role: 'owner',
      assignmentKind: 'active',
      summary: 'harmless',
    });
    fs.writeFileSync(path.join(dir, 'plan.json'), JSON.stringify(plan));
    const writes = () =>
      h.sb.requestLog.filter((e) => e.method !== 'GET' && !e.path.includes('getByIds') && !e.path.includes('$batch'))
        .length;
    const before = writes();
    const io = testIo(dir);
    assert.equal(await run(['apply', '--plan', 'plan.json', '--yes', ...sb()], io), 1);
    assert.match(io.text(), /Nothing was applied/);
    assert.equal(writes(), before, 'no write reached the tenant');
  });

  it('applies an untouched file', async () => {
    await planFile();
    const io = testIo(dir);
    assert.equal(await run(['apply', '--plan', 'plan.json', '--yes', ...sb()], io), 0, io.text());
  });
});
