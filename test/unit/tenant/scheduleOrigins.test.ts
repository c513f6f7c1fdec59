// Which schedule request a schedule's origin comes from: export wants the first (what the assignment was created
// with), the Groups view the latest (who last changed it). Both choose by createdDateTime, not by list order.
import * as assert from 'node:assert/strict';
import { pickOrigins } from '../../../src/tenant/scheduleOrigins';
import type { ScheduleRequest } from '../../../src/tenant/scheduleOrigins';
import type { ScheduleAction } from '../../../src/graph/types';

const request = (action: string, at: string, justification: string, status = 'Provisioned'): ScheduleRequest => ({
  id: `${action}-${at}`,
  action: action as ScheduleAction,
  status,
  createdDateTime: at,
  justification,
  targetScheduleId: 'schedule-1',
  principalId: 'bob',
  groupId: 'group-1',
  accessId: 'member',
});

// Listed newest first, so list order alone would give the opposite answers.
const history = [
  request('adminRemove', '2026-03-01T00:00:00Z', 'Left the team'),
  request('adminUpdate', '2026-02-15T00:00:00Z', 'Wrong dates', 'Failed'),
  request('adminExtend', '2026-02-01T00:00:00Z', 'Rota extended'),
  request('adminAssign', '2026-01-01T00:00:00Z', 'Helpdesk rota'),
];

describe('tenant: the request a schedule came from', () => {
  it("'first' is the oldest request that shaped the schedule (the justification it was created with)", () => {
    const o = pickOrigins(history, 'first').get('schedule-1');
    assert.deepEqual([o?.action, o?.justification], ['adminAssign', 'Helpdesk rota']);
  });

  it("'latest' is the newest one that shaped it; removals and failed requests shaped nothing", () => {
    const o = pickOrigins(history, 'latest').get('schedule-1');
    assert.deepEqual([o?.action, o?.justification], ['adminExtend', 'Rota extended']);
  });

  it('a schedule with only a removal or a failed request has no origin', () => {
    assert.equal(pickOrigins(history.slice(0, 2), 'first').size, 0);
  });

  it('carries the ticket and the sender', () => {
    const r = {
      ...request('adminAssign', '2026-01-01T00:00:00Z', ''),
      ticketInfo: { ticketSystem: 'ServiceNow', ticketNumber: 'CHG1' },
      createdBy: { user: { id: 'admin-1' } },
    };
    assert.deepEqual(pickOrigins([r], 'latest').get('schedule-1'), {
      action: 'adminAssign',
      createdById: 'admin-1',
      createdDateTime: '2026-01-01T00:00:00Z',
      justification: undefined,
      ticket: { system: 'ServiceNow', number: 'CHG1' },
    });
  });
});
