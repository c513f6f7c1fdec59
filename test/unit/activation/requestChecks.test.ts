import * as assert from 'node:assert/strict';
import { checkActivationRequest } from '../../../src/activation/requestChecks';
import type { ActivationRequirements } from '../../../src/tenant/activationRequirements';

const NOW = Date.parse('2026-11-30T12:00:00Z');
const policy: ActivationRequirements = {
  maxDuration: 'PT4H',
  requireMfa: false,
  requireJustification: true,
  requireTicket: true,
  approvalRequired: false,
  approverIds: [],
};

describe('activation: a request checked before it is sent', () => {
  it('accepts a short duration within the maximum and gives it in ISO', () => {
    const c = checkActivationRequest(
      { duration: '2h', justification: 'deploy', ticket: { number: 'OPS-1' } },
      policy,
      NOW,
    );
    assert.deepEqual(c.problems, []);
    assert.equal(c.duration, 'PT2H');
    assert.equal(c.startsLater, false);
  });

  it('names the field of each problem: longer than the maximum, no justification, no ticket', () => {
    const c = checkActivationRequest({ duration: '5h' }, policy, NOW);
    assert.deepEqual(
      c.problems.map((p) => p.field),
      ['duration', 'justification', 'ticket'],
    );
    assert.match(c.problems[0].message, /at most PT4H; '5h' is longer/);
  });

  it('refuses under 5 minutes with the editor message', () => {
    const c = checkActivationRequest({ duration: 'PT4M' }, undefined, NOW);
    assert.equal(c.problems[0].message, 'An activation must be at least 5 minutes (PT5M); PIM refuses shorter ones.');
  });

  it('takes a later start as scheduled, a start a moment ago as now, and refuses one in the past', () => {
    assert.equal(checkActivationRequest({ start: '2026-12-01T08:00:00Z' }, undefined, NOW).startsLater, true);
    const justNow = checkActivationRequest({ start: '2026-11-30T11:58:00Z' }, undefined, NOW);
    assert.deepEqual(justNow.problems, []);
    assert.equal(justNow.startsLater, false);
    assert.match(
      checkActivationRequest({ start: '2026-11-30T10:00:00Z' }, undefined, NOW).problems[0].message,
      /is in the past/,
    );
  });

  it('refuses a start without a zone with the editor message', () => {
    const c = checkActivationRequest({ start: '2026-12-01T08:00:00' }, undefined, NOW);
    assert.match(c.problems[0].message, /has no time zone; add 'Z' for UTC/);
  });
});
