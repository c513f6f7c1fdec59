import * as assert from 'node:assert/strict';
import { createGroupRequest, scheduleRequest } from '../../../src/apply/requests';
import { landed } from '../../../src/apply/assignmentSteps';
import type { AddAssignmentOp, CreateGroupOp, RemoveAssignmentOp } from '../../../src/plan/model';
import { id, schedule } from '../plan/fixtures';

const NOW = new Date('2026-11-26T10:00:00Z');
const principal = { ref: 'user:alice@contoso.com', id: id('user:alice@contoso.com'), kind: 'user' as const };
const add = (over: Partial<AddAssignmentOp> = {}): AddAssignmentOp => ({
  kind: 'addAssignment',
  id: 'g/eligible/member/a',
  groupKey: 'g',
  summary: '',
  marks: [],
  dependsOn: [],
  role: 'member',
  assignmentKind: 'eligible',
  principal,
  schedule: { duration: 'P30D' },
  ...over,
});

describe('apply: the requests a plan turns into', () => {
  it('adds an eligibility with adminAssign, an afterDuration expiration, justification and ticket', () => {
    const r = scheduleRequest(
      add({ justification: 'rota', ticket: { system: 'ServiceNow', number: 'CHG1' } }),
      'G',
      NOW,
    );
    assert.equal(r.url, '/identityGovernance/privilegedAccess/group/eligibilityScheduleRequests');
    assert.equal(r.idempotent, false);
    assert.deepEqual(r.body, {
      accessId: 'member',
      groupId: 'G',
      principalId: principal.id,
      action: 'adminAssign',
      scheduleInfo: { startDateTime: NOW.toISOString(), expiration: { type: 'afterDuration', duration: 'P30D' } },
      justification: 'rota',
      ticketInfo: { ticketNumber: 'CHG1', ticketSystem: 'ServiceNow' },
    });
  });

  it('sends active assignments to assignmentScheduleRequests; permanent and until map to their expiration types', () => {
    const permanent = scheduleRequest(add({ assignmentKind: 'active', schedule: { permanent: true } }), 'G', NOW);
    assert.equal(permanent.url, '/identityGovernance/privilegedAccess/group/assignmentScheduleRequests');
    assert.deepEqual((permanent.body as { scheduleInfo: unknown }).scheduleInfo, {
      startDateTime: NOW.toISOString(),
      expiration: { type: 'noExpiration' },
    });
    const until = scheduleRequest(
      add({ schedule: { until: '2027-01-01T00:00:00Z', start: '2026-12-01T00:00:00Z' } }),
      'G',
      NOW,
    );
    assert.deepEqual((until.body as { scheduleInfo: unknown }).scheduleInfo, {
      startDateTime: '2026-12-01T00:00:00Z',
      expiration: { type: 'afterDateTime', endDateTime: '2027-01-01T00:00:00Z' },
    });
  });

  it('removes with adminRemove and no schedule', () => {
    const remove: RemoveAssignmentOp = {
      kind: 'removeAssignment',
      id: 'x',
      groupKey: 'g',
      summary: '',
      marks: ['removal'],
      dependsOn: [],
      role: 'owner',
      assignmentKind: 'eligible',
      principal,
      scheduleId: 's',
      before: { start: null, end: null, permanent: true },
    };
    assert.deepEqual(scheduleRequest(remove, 'G', NOW).body, {
      accessId: 'owner',
      groupId: 'G',
      principalId: principal.id,
      action: 'adminRemove',
    });
  });

  it('creates security groups as security-enabled, Microsoft 365 groups as Unified and mail-enabled', () => {
    const op = (type: 'security' | 'microsoft365'): CreateGroupOp => ({
      kind: 'createGroup',
      id: 'g/group',
      groupKey: 'g',
      summary: '',
      marks: [],
      dependsOn: [],
      group: { displayName: 'G', type, mailNickname: 'g' },
    });
    assert.deepEqual(createGroupRequest(op('security')).body, {
      displayName: 'G',
      mailNickname: 'g',
      description: undefined,
      mailEnabled: false,
      securityEnabled: true,
      groupTypes: [],
    });
    assert.deepEqual(createGroupRequest(op('microsoft365')).body, {
      displayName: 'G',
      mailNickname: 'g',
      description: undefined,
      mailEnabled: true,
      securityEnabled: false,
      groupTypes: ['Unified'],
    });
  });

  it('knows when an assignment already landed (the check before sending again)', () => {
    const s = schedule('user:alice@contoso.com', 'eligible', { start: '2026-11-26T10:00:00.000Z', days: 30 });
    assert.equal(landed(add(), [s], NOW.getTime()), true);
    assert.equal(
      landed(add({ schedule: { duration: 'P90D' } }), [s], NOW.getTime()),
      false,
      'a different length has not landed',
    );
    assert.equal(
      landed(add({ assignmentKind: 'active' }), [s], NOW.getTime()),
      false,
      'an eligibility is not an active assignment',
    );
  });
});
