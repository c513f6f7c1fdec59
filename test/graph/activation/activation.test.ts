import * as assert from 'node:assert/strict';
import {
  activate,
  cancelRequest,
  deactivate,
  decide,
  myMemberships,
  pendingApprovals,
  ActivationRefused,
} from '../../../src/activation';
import { sandboxTokenSource } from '../../../src/auth/tokenSource';
import { GraphTransport } from '../../../src/graph/transport';
import { examplesWorkspace, harness, Harness, workspaceOf } from '../harness/harness';
import { planAndApply } from '../harness/engine';
import { vaultGroup } from '../harness/activationWorkspace';

describe('activation against the sandbox', function () {
  this.timeout(120_000);
  let h: Harness;
  const as = (upn: string, mfa = true) =>
    new GraphTransport({ baseUrl: h.sb.url, credential: sandboxTokenSource({ upn, mfa }) });
  before(async () => {
    h = await harness();
    const { report } = await planAndApply(h.t, examplesWorkspace(), h.sb.url); // helpdesk: MFA + approval by lead@
    assert.ok(report.converged);
  });
  after(async () => {
    await h.close();
  });

  it('lists my eligible memberships', async () => {
    const { me, memberships } = await myMemberships(as('alice@contoso.com'));
    assert.equal(me.userPrincipalName, 'alice@contoso.com');
    assert.ok(
      memberships.some((m) => m.groupName === 'PIM-Intune-Helpdesk' && m.state === 'eligible' && m.role === 'member'),
    );
  });

  it('refuses an activation without MFA when the policy requires it, saying what to do', async () => {
    const groupId = (await myMemberships(as('alice@contoso.com'))).memberships.find(
      (m) => m.groupName === 'PIM-Intune-Helpdesk',
    )!.groupId;
    await assert.rejects(
      activate(as('alice@contoso.com', false), { groupId, role: 'member', duration: 'PT1H', justification: 'shift' }),
      (e: Error) => e instanceof ActivationRefused && /multi-factor/.test(e.message),
    );
  });

  it('an activation that needs approval waits for the approver, who approves it; the member can then deactivate', async () => {
    const alice = as('alice@contoso.com');
    const groupId = (await myMemberships(alice)).memberships.find(
      (m) => m.groupName === 'PIM-Intune-Helpdesk',
    )!.groupId;
    const result = await activate(alice, { groupId, role: 'member', duration: 'PT2H', justification: 'shift' });
    assert.equal(result.pendingApproval, true);
    assert.ok((await myMemberships(alice)).memberships.some((m) => m.groupId === groupId && m.state === 'pending'));
    const lead = as('lead@contoso.com');
    const waiting = await pendingApprovals(lead);
    assert.ok(waiting.some((w) => w.requestId === result.requestId));
    await decide(lead, result.requestId, 'Approve', 'ok for the shift');
    assert.ok((await myMemberships(alice)).memberships.some((m) => m.groupId === groupId && m.state === 'active'));
    h.sb.clock.advance(10 * 60_000);
    await deactivate(alice, groupId, 'member');
    assert.ok(!(await myMemberships(alice)).memberships.some((m) => m.groupId === groupId && m.state === 'active'));
  });

  it('a requester can withdraw a pending request, and an approver can deny one', async () => {
    const alice = as('alice@contoso.com');
    const groupId = (await myMemberships(alice)).memberships.find(
      (m) => m.groupName === 'PIM-Intune-Helpdesk',
    )!.groupId;
    const first = await activate(alice, { groupId, role: 'member', duration: 'PT1H', justification: 'again' });
    await cancelRequest(alice, first.requestId);
    assert.ok(!(await pendingApprovals(as('lead@contoso.com'))).some((w) => w.requestId === first.requestId));
    const second = await activate(alice, { groupId, role: 'member', duration: 'PT1H', justification: 'once more' });
    await decide(as('lead@contoso.com'), second.requestId, 'Deny', 'not today');
    assert.ok(!(await myMemberships(alice)).memberships.some((m) => m.groupId === groupId && m.state !== 'eligible'));
  });
});

describe('activation with an authentication context and a ticket', function () {
  this.timeout(60_000);
  let h: Harness;
  before(async () => {
    h = await harness();
    const ws = workspaceOf(vaultGroup({ requireJustification: true, requireTicket: true }));
    assert.ok((await planAndApply(h.t, ws, h.sb.url)).report.converged);
  });
  after(async () => {
    await h.close();
  });

  const vault = () => Object.values(h.sb.state.groups).find((g) => g.displayName === 'ACT-Vault')!.id;
  const alice = (acrs?: string[]) =>
    new GraphTransport({ baseUrl: h.sb.url, credential: sandboxTokenSource({ upn: 'alice@contoso.com', acrs }) });

  it('says which authentication context to satisfy when the token lacks it', async () => {
    await assert.rejects(
      activate(alice(), {
        groupId: vault(),
        role: 'member',
        duration: 'PT1H',
        justification: 'x',
        ticket: { system: 'Jira', number: 'OPS-1' },
      }),
      (e: Error) => e instanceof ActivationRefused && /authentication context/.test(e.message),
    );
  });

  it('says a ticket is required when it is missing', async () => {
    await assert.rejects(
      activate(alice(['c1']), { groupId: vault(), role: 'member', duration: 'PT1H', justification: 'x' }),
      (e: Error) => e instanceof ActivationRefused && /ticket/i.test(e.message),
    );
  });

  it('activates when the session satisfies c1 and the request carries justification and ticket', async () => {
    const r = await activate(alice(['c1']), {
      groupId: vault(),
      role: 'member',
      duration: 'PT1H',
      justification: 'rotate keys',
      ticket: { system: 'Jira', number: 'OPS-1' },
    });
    assert.equal(r.pendingApproval, false);
    assert.equal(r.status, 'Provisioned');
  });
});
