// Eventual consistency, faults after processing, and idempotent group creation: what a real tenant does that an
// immediately consistent sandbox hid (the engine's duplicate groups after a lost create answer).
import * as assert from 'node:assert/strict';
import { PIM, withSandbox, userIdOf } from './harness';

const NEW_GROUP = { displayName: 'PIM-Lag', mailEnabled: false, mailNickname: 'pim-lag', securityEnabled: true };
const filterByName = `/v1.0/groups?$filter=displayName eq 'PIM-Lag'&$select=id`;
const until = async (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('sandbox: eventual consistency (opt-in), faults after processing, group upsert by uniqueName', function () {
  this.timeout(30_000);

  it('is immediately consistent by default', async () => {
    const { sb, admin } = await withSandbox();
    try {
      const id = (await admin.post('/v1.0/groups', NEW_GROUP)).body.id;
      assert.deepEqual(
        (await admin.get(filterByName)).body.value.map((g: { id: string }) => g.id),
        [id],
      );
    } finally {
      await sb.close();
    }
  });

  it('with a lag, hides a new group from $filter lists and PIM, and answers member adds as the directory does', async () => {
    const { sb, admin } = await withSandbox({ consistencyLagMs: 600 });
    try {
      const id = (await admin.post('/v1.0/groups', NEW_GROUP)).body.id;
      assert.equal((await admin.get(`/v1.0/groups/${id}`)).status, 200, 'found by id');
      assert.deepEqual((await admin.get(filterByName)).body.value, [], 'not in a $filter list yet');
      const policies = await admin.get(
        `/v1.0/policies/roleManagementPolicyAssignments?$filter=scopeId eq '${id}' and scopeType eq 'Group'`,
      );
      assert.deepEqual(policies.body.value, [], 'no policy assignments yet');
      const alice = userIdOf(sb, 'alice@contoso.com');
      const assign = await admin.post(`${PIM}/eligibilityScheduleRequests`, {
        action: 'adminAssign',
        accessId: 'member',
        groupId: id,
        principalId: alice,
        scheduleInfo: { expiration: { type: 'afterDuration', duration: 'P30D' } },
      });
      assert.equal(assign.status, 400);
      assert.equal(assign.body.error.code, 'SubjectNotFound');
      const add = await admin.post(`/v1.0/groups/${id}/members/$ref`, {
        '@odata.id': `https://graph.microsoft.com/v1.0/directoryObjects/${alice}`,
      });
      assert.equal(add.status, 400);
      assert.match(add.body.error.message, /do not exist/);
      await until(650);
      assert.equal((await admin.get(filterByName)).body.value.length, 1, 'replicated');
      assert.equal(
        (
          await admin.get(
            `/v1.0/policies/roleManagementPolicyAssignments?$filter=scopeId eq '${id}' and scopeType eq 'Group'`,
          )
        ).body.value.length,
        2,
      );
      const later = await admin.post(`${PIM}/eligibilityScheduleRequests`, {
        action: 'adminAssign',
        accessId: 'member',
        groupId: id,
        principalId: alice,
        scheduleInfo: { expiration: { type: 'afterDuration', duration: 'P30D' } },
      });
      assert.equal(later.status, 201);
      // The new schedule answers 404 by id right after its 201, and is listed by group at once.
      assert.equal((await admin.get(`${PIM}/eligibilitySchedules/${later.body.targetScheduleId}`)).status, 404);
      const listed = await admin.get(`${PIM}/eligibilitySchedules?$filter=groupId eq '${id}'`);
      assert.deepEqual(
        listed.body.value.map((s: { id: string }) => s.id),
        [later.body.targetScheduleId],
      );
      await until(650);
      assert.equal((await admin.get(`${PIM}/eligibilitySchedules/${later.body.targetScheduleId}`)).status, 200);
    } finally {
      await sb.close();
    }
  });

  it('applies a write and then loses its answer (reset-after drops the connection, 503-after answers 503)', async () => {
    for (const kind of ['reset-after', '503-after']) {
      const { sb, admin } = await withSandbox({
        faults: { seed: 1, rate: 1, kinds: [kind as 'reset-after'], methods: ['POST'], path: '/v1.0/groups' },
      });
      try {
        let status: number | string;
        try {
          status = (await admin.post('/v1.0/groups', NEW_GROUP)).status;
        } catch {
          status = 'reset';
        }
        assert.equal(status, kind === 'reset-after' ? 'reset' : 503);
        assert.equal(
          Object.values(sb.state.groups).filter((g) => g.displayName === 'PIM-Lag').length,
          1,
          'the group was created',
        );
        const entry = sb.requestLog.at(-1)!;
        assert.equal(entry.processedStatus, 201, 'the log tells what really happened');
      } finally {
        await sb.close();
      }
    }
  });

  it('upserts a group by uniqueName: 201 once, then 204, never a second group; without Prefer only updates', async () => {
    const { sb, admin } = await withSandbox();
    try {
      const url = `/v1.0/groups(uniqueName='pim-groups.lag')`;
      const prefer = { Prefer: 'create-if-missing' };
      assert.equal((await admin.call('PATCH', url, NEW_GROUP)).status, 404, 'an update only, without Prefer');
      const first = await admin.call('PATCH', url, NEW_GROUP, prefer);
      assert.equal(first.status, 201);
      assert.ok(first.body.id);
      const again = await admin.call('PATCH', url, { ...NEW_GROUP, description: 'second try' }, prefer);
      assert.equal(again.status, 204);
      assert.equal(Object.values(sb.state.groups).filter((g) => g.displayName === 'PIM-Lag').length, 1);
      const read = await admin.get(`/v1.0/groups(uniqueName='pim-groups.lag')?$select=id,uniqueName,description`);
      assert.deepEqual(
        [read.body.id, read.body.uniqueName, read.body.description],
        [first.body.id, 'pim-groups.lag', 'second try'],
      );
      const clash = await admin.post('/v1.0/groups', {
        ...NEW_GROUP,
        mailNickname: 'other',
        uniqueName: 'PIM-GROUPS.LAG',
      });
      assert.equal(clash.status, 400, 'uniqueName is unique');
      const changeType = await admin.call('PATCH', url, { ...NEW_GROUP, securityEnabled: false }, prefer);
      assert.equal(changeType.status, 204, 'securityEnabled is patchable');
    } finally {
      await sb.close();
    }
  });

  it('replaces a schedule on adminUpdate: a new targetScheduleId, and the old id stops resolving', async () => {
    const { sb, admin } = await withSandbox();
    try {
      const group = (await admin.post('/v1.0/groups', NEW_GROUP)).body.id;
      const alice = userIdOf(sb, 'alice@contoso.com');
      const body = {
        accessId: 'member',
        groupId: group,
        principalId: alice,
        scheduleInfo: { expiration: { type: 'afterDuration', duration: 'P30D' } },
      };
      const created = await admin.post(`${PIM}/eligibilityScheduleRequests`, { ...body, action: 'adminAssign' });
      assert.equal(created.status, 201);
      const updated = await admin.post(`${PIM}/eligibilityScheduleRequests`, {
        ...body,
        action: 'adminUpdate',
        scheduleInfo: { expiration: { type: 'afterDuration', duration: 'P60D' } },
      });
      assert.equal(updated.status, 201);
      assert.notEqual(updated.body.targetScheduleId, created.body.targetScheduleId);
      assert.equal((await admin.get(`${PIM}/eligibilitySchedules/${created.body.targetScheduleId}`)).status, 404);
      assert.equal((await admin.get(`${PIM}/eligibilitySchedules/${updated.body.targetScheduleId}`)).status, 200);
      const listed = await admin.get(`${PIM}/eligibilitySchedules?$filter=groupId eq '${group}'`);
      assert.deepEqual(
        listed.body.value.map((s: { id: string }) => s.id),
        [updated.body.targetScheduleId],
      );
    } finally {
      await sb.close();
    }
  });
});
