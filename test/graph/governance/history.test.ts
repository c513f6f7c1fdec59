import * as assert from 'node:assert/strict';
import { activate, deactivate, decide, myMemberships } from '../../../src/activation';
import { readHistory } from '../../../src/governance';
import { planAndApply } from '../harness/engine';
import { harness, Harness, workspaceOf } from '../harness/harness';
import { run, testIo } from '../harness/cliIo';
import { applyGovernanceGroup, caller, GROUP, requestActivation } from './fixture';

const SELF_SERVE = 'PIM-Governance-Selfserve';
const HOSTILE = '=HYPERLINK("http://evil.example","click")';

describe('governance: history', function () {
  this.timeout(300_000);
  let h: Harness;
  let approvalGroup: string;
  let selfServe: string;
  const as = (upn: string) => ['--sandbox', h.sb.url, '--as', upn];
  const history = async (args: string[], upn = 'admin@contoso.com') => {
    const io = testIo(process.cwd());
    const code = await run(['history', ...args, ...as(upn)], io);
    return { code, io };
  };

  before(async () => {
    h = await harness();
    approvalGroup = await applyGovernanceGroup(h);
    const ws = workspaceOf(`apiVersion: pim-groups/v1
kind: PimGroup
metadata: { name: selfserve }
group: { displayName: ${SELF_SERVE} }
policies:
  member:
    activation: { maxDuration: PT2H, requireJustification: true, requireMfa: false }
assignments:
  eligible:
    - principal: user:alice@contoso.com
      duration: P90D
`);
    assert.ok((await planAndApply(h.t, ws, h.sb.url)).report.converged);
    const alice = caller(h, 'alice@contoso.com');
    selfServe = (await myMemberships(alice)).memberships.find((m) => m.groupName === SELF_SERVE)!.groupId;
    // 130 activations and deactivations: 260 requests, more than two pages of the request list.
    for (let i = 0; i < 130; i++) {
      const justification = i === 0 ? HOSTILE : `shift ${i}`;
      await activate(alice, { groupId: selfServe, role: 'member', duration: 'PT1H', justification });
      h.sb.clock.advance(6 * 60_000);
      await deactivate(alice, selfServe, 'member');
    }
    // One approved activation in the approval group, decided by lead@.
    const id = await requestActivation(h, 'bob@contoso.com', approvalGroup, 'release night');
    await decide(caller(h, 'lead@contoso.com'), id, 'Approve', 'go ahead');
  });
  after(() => h.close());

  it('reads every request of a group across pages (over 250), newest first', async () => {
    const r = await readHistory(h.t, { groupIds: [selfServe], sinceMinutes: 30 * 24 * 60 });
    const activations = r.events.filter((e) => e.action === 'activate' && e.source === 'request');
    const deactivations = r.events.filter((e) => e.action === 'deactivate');
    assert.equal(activations.length, 130);
    assert.equal(deactivations.length, 130);
    const pages = h.sb.requestLog.filter((l) => l.inBatch && /assignmentScheduleRequests.*skiptoken/i.test(l.path));
    assert.ok(pages.length >= 2, 'the reader followed nextLinks inside $batch');
    const times = r.events.map((e) => e.at);
    assert.deepEqual(times, [...times].sort().reverse());
    assert.equal(activations[activations.length - 1].justification, HOSTILE, 'the justification is kept as written');
    assert.equal(activations[0].principalName, 'Alice Ward');
  });

  it('shows an approval with its approver and justification, and the activation it allowed', async () => {
    const { code, io } = await history(['--group', GROUP, '--json']);
    assert.equal(code, 0, io.text());
    const events = JSON.parse(io.lines.join('\n')).events;
    const approval = events.find((e: { action: string }) => e.action === 'approve');
    assert.equal(approval.byName, 'Lee Gu');
    assert.equal(approval.justification, 'go ahead');
    assert.equal(approval.principalName, 'Bob Stone');
    assert.ok(
      events.some((e: { action: string; outcome: string }) => e.action === 'activate' && e.outcome === 'Provisioned'),
    );
  });

  it('filters by principal, by group and by --since', async () => {
    const bob = await history(['--principal', 'bob@contoso.com', '--json']);
    const bobEvents = JSON.parse(bob.io.lines.join('\n')).events as { principalUpn: string; groupName: string }[];
    assert.ok(bobEvents.length > 0);
    assert.ok(
      bobEvents.every((e) => e.principalUpn === 'bob@contoso.com'),
      JSON.stringify(bobEvents.slice(0, 2)),
    );
    assert.ok(!bobEvents.some((e) => e.groupName === SELF_SERVE));
    const recent = await history(['--group', SELF_SERVE, '--since', 'PT1H', '--json']);
    const recentEvents = JSON.parse(recent.io.lines.join('\n')).events as { at: string }[];
    assert.ok(recentEvents.length > 0 && recentEvents.length < 30, `${recentEvents.length} events in the last hour`);
  });

  it('writes CSV with hostile text neutralised for spreadsheets, while JSON keeps it', async () => {
    const { code, io } = await history(['--group', SELF_SERVE, '--csv']);
    assert.equal(code, 0, io.text());
    const csv = io.lines.join('\n');
    assert.match(
      csv.split('\r\n')[0],
      /^when,action,kind,role,group,principal,principalUpn,by,start,end,duration,justification,ticket,outcome,source,requestId$/,
    );
    assert.ok(csv.includes(`"'=HYPERLINK(""http://evil.example"",""click"")"`), 'apostrophe, quoted, quotes doubled');
    assert.ok(!/(^|,)=HYPERLINK/m.test(csv), 'no cell starts with =');
    const json = await history(['--group', SELF_SERVE, '--json']);
    assert.ok(json.io.lines.join('\n').includes(JSON.stringify(HOSTILE).slice(1, -1)));
  });

  it('without audit-log access says so and still lists the requests', async () => {
    const { code, io } = await history(['--group', SELF_SERVE]);
    assert.equal(code, 0);
    assert.match(io.lines.join('\n'), /directory audit log was not read/);
    assert.ok(!io.lines.some((l) => /\bexpire\b/.test(l)));
  });

  it('with audit-log access adds the activations that ran out, which no request records', async () => {
    const secops = Object.values(h.sb.state.users).find((u) => u.userPrincipalName === 'secops@contoso.com')!;
    secops.directoryRoles = ['Security Reader'];
    await activate(caller(h, 'alice@contoso.com'), {
      groupId: selfServe,
      role: 'member',
      duration: 'PT1H',
      justification: 'left to expire',
    });
    h.sb.clock.advance(2 * 60 * 60_000);
    const { code, io } = await history(['--group', SELF_SERVE, '--since', 'PT4H', '--json'], 'secops@contoso.com');
    assert.equal(code, 0, io.text());
    const result = JSON.parse(io.lines.join('\n'));
    assert.equal(result.auditLog, 'read');
    const expiry = result.events.find((e: { action: string }) => e.action === 'expire');
    assert.ok(expiry, 'the expiry comes from the audit log');
    assert.equal(expiry.source, 'audit');
    assert.equal(expiry.principalName, 'Alice Ward');
    const activations = result.events.filter((e: { action: string }) => e.action === 'activate');
    assert.ok(
      activations.every((e: { source: string }) => e.source === 'request'),
      'audit repeats are dropped',
    );
  });
});
