// The views' Graph readers against the demo sandbox tenant over real HTTP on 127.0.0.1 (no fake fetch).
import * as assert from 'assert';
import { approverNames } from '../../../src/extension/activation/approversOf';
import { loadEngine } from '../../../src/extension/engine/engineLoader';
import { firstGroupsPage, nextGroupsPage, readGroupDetail } from '../../../src/extension/explorer/groupsSource';
import { readMyAccess } from '../../../src/extension/common/myAccess/myAccessSource';
import { startSandbox, Sandbox } from '../../../src/sandbox';

describe('extension: Groups and My Access readers (sandbox over HTTP)', () => {
  const engine = loadEngine();
  let sandbox: Sandbox;
  const as = (upn: string) =>
    new engine.graph.GraphTransport({
      baseUrl: sandbox.url,
      credential: engine.auth.sandboxTokenSource({ upn, mfa: true }),
    });

  before(async () => {
    sandbox = await startSandbox({ port: 0, seed: 'demo' });
  });
  after(async () => {
    await sandbox.close();
  });

  it('pages the onboarded groups by id and follows the pages to the end', async () => {
    const t = as('admin@contoso.com');
    const first = await firstGroupsPage(engine, t, 2);
    assert.strictEqual(first.groups.length, 2);
    assert.ok(first.next);
    const second = await nextGroupsPage(engine, t, first.next!, 2);
    const names = [...first.groups, ...second.groups].map((g) => g.displayName).sort();
    assert.deepStrictEqual(names, ['PIM-Exchange-Admins', 'PIM-Finance-Reports', 'PIM-Intune-Helpdesk']);
    assert.strictEqual(second.next, undefined);
  });

  it('filters by any part of the name and keeps only onboarded groups', async () => {
    const t = as('admin@contoso.com');
    assert.deepStrictEqual(
      (await firstGroupsPage(engine, t, 50, 'PIM-I')).groups.map((g) => g.displayName),
      ['PIM-Intune-Helpdesk'],
    );
    assert.deepStrictEqual(
      (await firstGroupsPage(engine, t, 50, 'Finance')).groups.map((g) => g.displayName),
      ['PIM-Finance-Reports'],
      'a part of the name matches; Finance Approvers is not PIM-enabled',
    );
    assert.deepStrictEqual(
      (await firstGroupsPage(engine, t, 50, "O'Brien")).groups,
      [],
      'a quote in the filter is escaped',
    );
  });

  it("reads a group's policies, schedules and the names of their principals", async () => {
    const t = as('admin@contoso.com');
    const { groups } = await firstGroupsPage(engine, t, 50, 'PIM-Finance');
    const detail = await readGroupDetail(engine, t, groups[0]);
    assert.ok(detail.group.policies.member && detail.group.policies.owner);
    const henry = detail.group.schedules.find((s) => s.kind === 'eligible');
    assert.strictEqual(detail.directory[henry!.principalId]?.displayName, 'Henry Ross');
  });

  it("reads alice's eligibility, megan's approvals with names, and the approver of a policy for a reader", async () => {
    const alice = await readMyAccess(engine, as('alice@contoso.com'));
    assert.deepStrictEqual(
      alice.eligible.map((m) => `${m.groupName} ${m.role}`),
      ['PIM-Intune-Helpdesk member'],
    );
    const megan = await readMyAccess(engine, as('megan.manager@contoso.com'));
    assert.deepStrictEqual(
      megan.approvals.map((a) => `${a.requesterName} → ${a.groupName}`),
      ['Henry Ross → PIM-Finance-Reports'],
    );
    const { groups } = await firstGroupsPage(engine, as('admin@contoso.com'), 50, 'PIM-Finance');
    assert.deepStrictEqual(await approverNames(engine, as('admin@contoso.com'), groups[0].id, 'member'), [
      'Megan Bowen',
    ]);
  });
});
