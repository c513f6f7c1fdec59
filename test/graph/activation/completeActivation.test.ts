// Activation as a person does it against the sandbox over real HTTP: the role inferred from their eligibility,
// the request checked against the policy they read before anything is sent, a wait for the approver's decision,
// and a scheduled activation listed and cancelled.
import * as assert from 'node:assert/strict';
import {
  activate,
  ActivationRefused,
  decide,
  myMemberships,
  RoleChoiceNeeded,
  waitForDecision,
  withdraw,
} from '../../../src/activation';
import { sandboxTokenSource } from '../../../src/auth/tokenSource';
import { GraphTransport } from '../../../src/graph/transport';
import { harness, Harness, workspaceOf } from '../harness/harness';
import { OPS_WORKSPACE } from '../harness/activationWorkspace';
import { planAndApply } from '../harness/engine';

describe('activation, complete: role, checks before sending, waiting, scheduling', function () {
  this.timeout(120_000);
  let h: Harness;
  const as = (upn: string) =>
    new GraphTransport({ baseUrl: h.sb.url, credential: sandboxTokenSource({ upn, mfa: true }) });
  const ops = () => Object.values(h.sb.state.groups).find((g) => g.displayName === 'ACT-Ops')!.id;
  const requestsSent = () => h.sb.requestLog.filter((e) => e.method === 'POST' && /ScheduleRequests$/.test(e.path));

  before(async () => {
    h = await harness();
    const { report } = await planAndApply(h.t, workspaceOf(OPS_WORKSPACE), h.sb.url);
    assert.ok(report.converged);
  });
  after(async () => {
    await h.close();
  });

  it('activates as owner without being told the role when the user is eligible only as owner', async () => {
    const result = await activate(as('alice@contoso.com'), { groupId: ops(), duration: '1h' });
    assert.equal(result.role, 'owner');
    assert.equal(result.duration, 'PT1H');
    assert.equal(result.pendingApproval, false);
    const { memberships } = await myMemberships(as('alice@contoso.com'));
    assert.ok(memberships.some((m) => m.groupId === ops() && m.role === 'owner' && m.state === 'active'));
  });

  it('asks which role when the user is eligible as both, and sends nothing', async () => {
    const before = requestsSent().length;
    await assert.rejects(
      activate(as('frank@contoso.com'), { groupId: ops(), duration: 'PT1H', justification: 'x' }),
      (e: Error) => e instanceof RoleChoiceNeeded && /--role member or --role owner/.test(e.message),
    );
    assert.equal(requestsSent().length, before);
  });

  it('says which role the user is eligible in instead of sending a request PIM would refuse', async () => {
    await assert.rejects(
      activate(as('alice@contoso.com'), { groupId: ops(), role: 'member', duration: 'PT1H' }),
      (e: Error) => e instanceof RoleChoiceNeeded && /eligible as owner of this group, not as member/.test(e.message),
    );
  });

  it('tells the caller the requirements and maximum it read as the eligible member, before sending', async () => {
    const seen: unknown[] = [];
    const before = requestsSent().length;
    await assert.rejects(
      activate(
        as('bob@contoso.com'),
        { groupId: ops(), duration: '5h' },
        { onRequirements: (role, r) => seen.push({ role, max: r?.maxDuration, why: r?.requireJustification }) },
      ),
      (e: Error) =>
        e instanceof ActivationRefused &&
        e.problems.map((p) => p.field).join() === 'duration,justification' &&
        /at most PT4H/.test(e.message),
    );
    assert.deepEqual(seen, [{ role: 'member', max: 'PT4H', why: true }]);
    assert.equal(requestsSent().length, before, 'nothing was sent');
  });

  it('refuses a duration or start PIM would refuse with the editor messages, before sending', async () => {
    const before = requestsSent().length;
    for (const [req, pattern] of [
      [{ duration: 'P1M' }, /PIM refuses months in durations; write 'P30D'/],
      [{ duration: '2x' }, /'2x' is not a valid duration/],
      [{ duration: '3m' }, /must be at least 5 minutes \(PT5M\)/],
      [{ start: 'tomorrow' }, /'tomorrow' is not an RFC 3339 date-time/],
      [{ start: '2020-01-01T00:00:00Z' }, /is in the past/],
    ] as const) {
      await assert.rejects(
        activate(as('alice@contoso.com'), { groupId: ops(), ...req }),
        (e: Error) => e instanceof ActivationRefused && pattern.test(e.message),
        JSON.stringify(req),
      );
    }
    assert.equal(requestsSent().length, before, 'nothing was sent');
  });

  it('waits for the approver and reports the approval', async () => {
    const bob = as('bob@contoso.com');
    const r = await activate(bob, { groupId: ops(), duration: '2h', justification: 'deploy' });
    assert.equal(r.pendingApproval, true);
    const statuses: string[] = [];
    const waiting = waitForDecision(bob, r.requestId, {
      firstIntervalMs: 20,
      onProgress: (status) => statuses.push(status),
    });
    await decide(as('lead@contoso.com'), r.requestId, 'Approve', 'go ahead');
    const outcome = await waiting;
    assert.equal(outcome.outcome, 'approved');
    assert.ok(statuses.length >= 1);
    await h.sb.clock.advance(10 * 60_000);
    const { memberships } = await myMemberships(bob);
    assert.ok(memberships.some((m) => m.groupId === ops() && m.role === 'member' && m.state === 'active'));
  });

  it('waits for the approver and reports a denial with its reason; a timeout leaves the request pending', async () => {
    const frank = as('frank@contoso.com');
    const first = await activate(frank, { groupId: ops(), role: 'member', duration: '1h', justification: 'a' });
    const timedOut = await waitForDecision(frank, first.requestId, { firstIntervalMs: 10, timeoutMs: 30 });
    assert.equal(timedOut.outcome, 'timeout');
    const waiting = waitForDecision(frank, first.requestId, { firstIntervalMs: 20 });
    await decide(as('lead@contoso.com'), first.requestId, 'Deny', 'not during the freeze');
    assert.deepEqual(await waiting, { outcome: 'denied', status: 'Denied', justification: 'not during the freeze' });
  });

  it('stops waiting when cancelled, leaving the request to its approver', async () => {
    const frank = as('frank@contoso.com');
    const r = await activate(frank, { groupId: ops(), role: 'member', duration: '1h', justification: 'b' });
    const stop = new AbortController();
    const waiting = waitForDecision(frank, r.requestId, {
      firstIntervalMs: 10_000,
      signal: stop.signal,
      onProgress: () => stop.abort(),
    });
    await assert.rejects(waiting, (e: Error & { code?: string }) => e.code === 'PIM_CANCELLED');
    const { memberships } = await myMemberships(frank);
    assert.ok(memberships.some((m) => m.requestId === r.requestId && m.state === 'pending'));
    await withdraw(frank, ops(), 'member');
  });

  it('schedules an activation for a later start, lists it as scheduled, and cancels it', async () => {
    const frank = as('frank@contoso.com');
    const start = new Date(h.sb.clock.now().getTime() + 24 * 3600_000).toISOString();
    const r = await activate(frank, { groupId: ops(), role: 'owner', duration: '90m', start });
    assert.equal(r.pendingApproval, false);
    assert.equal(Date.parse(r.scheduledStart!), Date.parse(start));
    const listed = (await myMemberships(frank)).memberships.find((m) => m.state === 'scheduled');
    assert.equal(listed?.requestId, r.requestId);
    assert.equal(listed?.role, 'owner');
    assert.equal(Date.parse(listed!.end!), Date.parse(start) + 90 * 60_000);
    const cancelled = await withdraw(frank, ops(), undefined);
    assert.equal(cancelled.requestId, r.requestId);
    assert.equal(h.sb.state.requests[r.requestId].status, 'Canceled');
    assert.ok(!(await myMemberships(frank)).memberships.some((m) => m.state === 'scheduled'));
  });
});
