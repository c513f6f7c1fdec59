import * as assert from 'node:assert/strict';
import { allOperations, buildPlan } from '../../../src/plan';
import { group, HEADER, NOW, schedule, tenant, workspace } from './fixtures';

// Alice's eligibility started 2026-11-01 for P30D: it ends 2026-12-01 00:00 UTC, 4 days 14 hours after NOW.
const P30D = (extra = '') => `${HEADER}assignments:${extra}
  eligible:
    - principal: user:alice@contoso.com
      duration: P30D
`;
const planOf = (yaml: string, days = 30) =>
  buildPlan(workspace(yaml), tenant(group({ schedules: [schedule('user:alice@contoso.com', 'eligible', { days })] })), {
    target: 'sandbox',
    now: NOW,
  }).plan;

describe('plan semantics: assignments that end soon', () => {
  it('notes an assignment that matches the file but ends within 14 days, saying renew: never keeps it ended', () => {
    const p = planOf(P30D());
    assert.deepEqual(allOperations(p), [], 'nothing to change: the tenant matches the file');
    assert.deepEqual(
      p.issues.map((i) => `${i.severity} ${i.code}`),
      ['warning PIM222'],
    );
    assert.match(
      p.issues[0].message,
      /^The eligible member user:alice@contoso.com ends in 4 days \(2026-12-01 00:00 UTC\) and is not renewed \(renew: never\); write renew: auto and re-apply to renew for P30D/,
    );
  });

  it('with renew: auto says re-applying renews it for the definition duration', () => {
    const p = planOf(P30D('\n  renew: auto'));
    assert.match(p.issues[0].message, /ends in 4 days \(2026-12-01 00:00 UTC\); re-apply to renew for P30D/);
  });

  it('says nothing while the end is further away than the window', () => {
    const yaml = P30D().replace('P30D', 'P60D');
    assert.deepEqual(planOf(yaml, 60).issues, []);
  });
});
