import * as assert from 'node:assert/strict';
import { Client, PIM, withSandbox, groupIdOf, userIdOf } from './harness';
import type { Sandbox } from '../../../src/sandbox';

describe('sandbox $batch', () => {
  let sb: Sandbox, admin: Client;
  beforeEach(async () => ({ sb, admin } = await withSandbox()));
  afterEach(() => sb.close());

  it('answers each request with its own status, and 424 for dependents of a failed one', async () => {
    const helpdesk = groupIdOf(sb, 'PIM-Intune-Helpdesk');
    const r = await admin.post('/v1.0/$batch', {
      requests: [
        { id: '1', method: 'GET', url: `/groups/${helpdesk}?$select=id,displayName` },
        { id: '2', method: 'GET', url: '/groups/00000000-0000-4000-8000-000000000000' },
        {
          id: '3',
          method: 'POST',
          url: '/identityGovernance/privilegedAccess/group/eligibilityScheduleRequests',
          dependsOn: ['2'],
          headers: { 'Content-Type': 'application/json' },
          body: { action: 'adminAssign' },
        },
        { id: '4', method: 'GET', url: 'me?$select=userPrincipalName', dependsOn: ['1'] },
      ],
    });
    assert.equal(r.status, 200);
    const byId = Object.fromEntries(r.body.responses.map((x: { id: string }) => [x.id, x]));
    assert.equal(byId['1'].status, 200);
    assert.equal(byId['1'].body.displayName, 'PIM-Intune-Helpdesk');
    assert.equal(byId['2'].status, 404);
    assert.equal(byId['2'].body.error.code, 'Request_ResourceNotFound');
    assert.equal(byId['3'].status, 424);
    assert.equal(byId['4'].body.userPrincipalName, 'admin@contoso.com');
    const inner = sb.requestLog.filter((e) => e.inBatch);
    assert.equal(inner.length, 3); // the 424 never ran
  });

  it('refuses a malformed batch with an outer 400: more than 20, duplicate ids, body without Content-Type, unknown dependsOn', async () => {
    const get = (id: string) => ({ id, method: 'GET', url: '/me' });
    const cases = [
      { requests: Array.from({ length: 21 }, (_, i) => get(String(i))) },
      { requests: [get('a'), get('A')] },
      { requests: [{ id: '1', method: 'POST', url: '/groups', body: {} }] },
      { requests: [{ ...get('1'), dependsOn: ['9'] }] },
      { nope: [] },
    ];
    for (const body of cases) {
      const r = await admin.post('/v1.0/$batch', body);
      assert.equal(r.status, 400, JSON.stringify(body).slice(0, 80));
      assert.equal(r.body.error.code, 'BadRequest');
    }
  });

  it('creates PIM requests inside a batch, each enforced on its own', async () => {
    const helpdesk = groupIdOf(sb, 'PIM-Intune-Helpdesk');
    const body = (principal: string) => ({
      action: 'adminAssign',
      accessId: 'member',
      groupId: helpdesk,
      principalId: principal,
      scheduleInfo: { expiration: { type: 'afterDuration', duration: 'P30D' } },
    });
    const r = await admin.post('/v1.0/$batch', {
      requests: [
        {
          id: 'carol',
          method: 'POST',
          url: '/identityGovernance/privilegedAccess/group/eligibilityScheduleRequests',
          headers: { 'Content-Type': 'application/json' },
          body: body(userIdOf(sb, 'carol.contractor@contoso.com')),
        },
        {
          id: 'alice',
          method: 'POST',
          url: '/identityGovernance/privilegedAccess/group/eligibilityScheduleRequests',
          headers: { 'Content-Type': 'application/json' },
          body: body(userIdOf(sb, 'alice@contoso.com')),
        },
      ],
    });
    const byId = Object.fromEntries(r.body.responses.map((x: { id: string }) => [x.id, x]));
    assert.equal(byId.carol.status, 201);
    assert.equal(byId.alice.status, 400);
    assert.equal(byId.alice.body.error.code, 'RoleAssignmentExists');
    const list = await admin.get(`${PIM}/eligibilitySchedules?$filter=groupId eq '${helpdesk}'`);
    assert.equal(list.body.value.length, 3);
  });
});
