import * as assert from 'node:assert/strict';
import { applyPlan } from '../../../src/apply';
import { sandboxTokenSource } from '../../../src/auth/tokenSource';
import { loadWorkspace } from '../../../src/definitions';
import { findDefinitionFiles } from '../../../src/cli/definitionFiles';
import { paths } from '../../../src/graph/api/paths';
import { GraphTransport } from '../../../src/graph/transport';
import { isEmpty } from '../../../src/plan';
import { harness, Harness, ROOT } from '../harness/harness';
import { planAndApply, planFor } from '../harness/engine';
import { bindingOps, groupWith, issueText } from './kit';

const DAY = 24 * 3600 * 1000;
interface CaPolicy {
  id: string;
  displayName: string;
  conditions: { users: { includeGroups: string[]; excludeGroups: string[] } };
}

describe('bindings: Conditional Access and Teams', function () {
  this.timeout(120_000);
  let h: Harness;
  beforeEach(async () => {
    h = await harness();
  });
  afterEach(async () => {
    await h.close();
  });
  const policy = async (prefix: string) =>
    (await h.t.getAll<CaPolicy>('/identity/conditionalAccess/policies')).find((p) => p.displayName.startsWith(prefix))!;
  const idOf = async (path: string) => (await h.t.get<{ value: { id: string }[] }>(path)).value[0].id;
  const members = async (gid: string) =>
    (await h.t.getAll<{ userPrincipalName?: string }>(`/groups/${gid}/members?$select=userPrincipalName`)).map(
      (m) => m.userPrincipalName,
    );

  it('the travellers story: the active traveller is excluded from the country block and falls back under it when the assignment expires', async () => {
    const ws = loadWorkspace(
      findDefinitionFiles(['examples/templates.pim.yaml', 'examples/ca-travellers.pim.yaml'], ROOT),
    );
    const { plan, report } = await planAndApply(h.t, ws, h.sb.url);
    assert.deepEqual(plan.groups[0].grants, [
      "excluded from Conditional Access 'Block sign-ins from outside Australia'",
      "included in Conditional Access 'Travellers - stricter sign-in' (enabledForReportingButNotEnforced)",
    ]);
    assert.ok(report.converged, JSON.stringify(report.outcomes.filter((o) => o.status !== 'done')));
    const travellers = await idOf(`/groups?$filter=displayName eq 'PIM-CA-Travellers'`);
    const emergency = await idOf(`/groups?$filter=displayName eq 'Emergency Access'`);
    const block = await policy('Block'),
      strict = await policy('Travellers');
    assert.deepEqual(
      block.conditions.users.excludeGroups,
      [emergency, travellers],
      'the break-glass exclusion is kept',
    );
    assert.deepEqual(strict.conditions.users.includeGroups, [travellers]);
    assert.ok(isEmpty((await planFor(h.t, ws, h.sb.url)).plan));
    assert.ok((await members(travellers)).includes('frank@contoso.com'));

    // A traveller with an eligibility activates it for a short trip; the membership, and so the exclusion, ends with it.
    const henry = await idOf(`/users?$filter=userPrincipalName eq 'henry@contoso.com'`);
    await h.t.post(paths.eligibilityRequests, {
      action: 'adminAssign',
      accessId: 'member',
      groupId: travellers,
      principalId: henry,
      justification: 'trip',
      scheduleInfo: { expiration: { type: 'afterDuration', duration: 'P10D' } },
    });
    const asHenry = new GraphTransport({
      baseUrl: h.sb.url,
      credential: sandboxTokenSource({ upn: 'henry@contoso.com', mfa: true }),
    });
    await asHenry.post(paths.assignmentRequests, {
      action: 'selfActivate',
      accessId: 'member',
      groupId: travellers,
      principalId: henry,
      justification: 'airport',
      scheduleInfo: { expiration: { type: 'afterDuration', duration: 'PT2H' } },
    });
    assert.ok((await members(travellers)).includes('henry@contoso.com'));
    h.sb.clock.advance(3 * 3600 * 1000);
    assert.ok(!(await members(travellers)).includes('henry@contoso.com'), 'activation expired');
    h.sb.clock.advance(15 * DAY);
    assert.deepEqual(
      (await members(travellers)).filter((u) => u === 'frank@contoso.com'),
      [],
      "frank's P14D assignment expired: back under the main policy",
    );
    // Frank is no longer in the excluded group, so the block (which includes All users) applies to him again.
    assert.deepEqual((await policy('Block')).conditions.users.excludeGroups, [emergency, travellers]);
  });

  it("removing an exclusion is marked, touches only this group's entry, and drift in the policy shows", async () => {
    const ws = groupWith('conditionalAccess: { excludeFrom: [ Block sign-ins from outside Australia ] }');
    await applyPlan(h.t, (await planFor(h.t, ws, h.sb.url)).plan);
    const block = await policy('Block');
    const gid = await idOf(`/groups?$filter=displayName eq 'PIM-Intune-Helpdesk'`);
    // Drift: someone takes the group out of the exclusion in the portal.
    await h.t.patch(`/identity/conditionalAccess/policies/${block.id}`, {
      conditions: { users: { excludeGroups: block.conditions.users.excludeGroups.filter((x) => x !== gid) } },
    });
    assert.deepEqual(
      bindingOps((await planFor(h.t, ws, h.sb.url)).plan).map((o) => [o.action, o.marks]),
      [['add', ['weakens-policy']]],
    );
    await applyPlan(h.t, (await planFor(h.t, ws, h.sb.url)).plan);
    const none = groupWith('conditionalAccess: { excludeFrom: [] }');
    const removal = (await planFor(h.t, none, h.sb.url)).plan;
    assert.deepEqual(
      bindingOps(removal).map((o) => [o.action, o.marks]),
      [['remove', ['removal']]],
    );
    await applyPlan(h.t, removal);
    assert.deepEqual(
      (await policy('Block')).conditions.users.excludeGroups,
      block.conditions.users.excludeGroups.filter((x) => x !== gid),
    );
    assert.ok(isEmpty((await planFor(h.t, none, h.sb.url)).plan));
  });

  it('names an unknown policy as a plan error', async () => {
    const { plan } = await planFor(h.t, groupWith('conditionalAccess: { includeIn: [ No such policy ] }'), h.sb.url);
    assert.match(issueText(plan), /Conditional Access policy 'No such policy' does not exist/);
  });

  it('creates the Team of a new Microsoft 365 group (which needs an owner) and re-plans empty', async () => {
    const ws = loadWorkspace(
      findDefinitionFiles(['examples/templates.pim.yaml', 'examples/project-falcon-team.pim.yaml'], ROOT),
    );
    const { plan, report } = await planAndApply(h.t, ws, h.sb.url);
    assert.ok(bindingOps(plan).some((o) => o.detail.binding === 'team' && o.action === 'add'));
    assert.equal(report.counts.failed, 0, JSON.stringify(report.outcomes));
    const gid = await idOf(`/groups?$filter=displayName eq 'PIM-Project-Falcon-Team'`);
    assert.equal((await h.t.request('GET', `/groups/${gid}/team`)).status, 200);
    assert.ok(isEmpty((await planFor(h.t, ws, h.sb.url)).plan));
  });
});
