// An administrator's change to one assignment outside a plan (the Groups view's row actions), over real HTTP to the
// demo sandbox: the request apply would send, the tenant's end moves, and the request records who, when and why.
import * as assert from 'node:assert/strict';
import { changeAssignment } from '../../../src/apply/adminChange';
import { getByIds } from '../../../src/graph/api/directoryObjects';
import { listOnboardedGroupIds } from '../../../src/tenant/onboarded';
import { readScheduleOrigins } from '../../../src/tenant/scheduleOrigins';
import { readSchedules } from '../../../src/apply/tenantReads';
import { harness, Harness } from '../harness/harness';

describe('engine: an administrator changes one assignment (sandbox, seed demo)', function () {
  this.timeout(60_000);
  let h: Harness;
  let groupId: string;
  let bob: string;
  before(async () => {
    h = await harness();
    const ids = [...(await listOnboardedGroupIds(h.t))];
    const groups = await getByIds<{ id: string; displayName: string }>(h.t, ids, ['group']);
    groupId = groups.find((g) => g.displayName === 'PIM-Intune-Helpdesk')!.id;
    const users = await h.t.get<{ value: { id: string }[] }>("/users?$filter=userPrincipalName eq 'bob@contoso.com'");
    bob = users.value[0].id;
  });
  after(async () => {
    await h.close();
  });

  const bobsEligibility = async () =>
    ((await readSchedules(h.t, [groupId])).get(groupId) ?? []).find(
      (s) => s.principalId === bob && s.kind === 'eligible',
    );

  it('tells who assigned each schedule, when and why, from the schedule requests', async () => {
    const schedule = await bobsEligibility();
    const origin = (await readScheduleOrigins(h.t, groupId)).get(schedule!.id);
    assert.equal(origin?.action, 'adminAssign');
    assert.equal(origin?.justification, 'Helpdesk rota');
    assert.ok(origin?.createdById && origin.createdDateTime);
  });

  it("extends an eligibility: the tenant's end moves, and the extension is the schedule's new origin", async () => {
    const until = new Date(h.t.serverNow().getTime() + 60 * 86_400_000).toISOString().replace(/\.\d{3}Z$/, 'Z');
    const request = await changeAssignment(h.t, {
      action: 'adminExtend',
      kind: 'eligible',
      accessId: 'member',
      groupId,
      principalId: bob,
      schedule: { until },
      justification: 'Rota extended',
    });
    assert.equal(request.status, 'Provisioned');
    const schedule = await bobsEligibility();
    assert.equal(Date.parse(schedule!.end!), Date.parse(until));
    const origin = (await readScheduleOrigins(h.t, groupId)).get(schedule!.id);
    assert.deepEqual([origin?.action, origin?.justification], ['adminExtend', 'Rota extended']);
  });

  it('refuses an extension that ends earlier, and changes nothing', async () => {
    const before = await bobsEligibility();
    await assert.rejects(
      changeAssignment(h.t, {
        action: 'adminExtend',
        kind: 'eligible',
        accessId: 'member',
        groupId,
        principalId: bob,
        schedule: { until: new Date(h.t.serverNow().getTime() + 86_400_000).toISOString() },
      }),
      /InvalidRoleAssignmentRequest|must end later/,
    );
    assert.deepEqual(await bobsEligibility(), before);
  });
});
