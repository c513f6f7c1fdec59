// pim-groups activate as a person uses it: the role inferred, requirements printed before sending, --wait through
// an approval and a denial, and a scheduled activation printed, listed and cancelled.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { decide } from '../../../src/activation';
import { sandboxTokenSource } from '../../../src/auth/tokenSource';
import { GraphTransport } from '../../../src/graph/transport';
import { harness, Harness, workspaceOf } from '../harness/harness';
import { OPS_WORKSPACE } from '../harness/activationWorkspace';
import { planAndApply } from '../harness/engine';
import { run, tempWorkspace, testIo } from '../harness/cliIo';

describe('cli: activate, complete', function () {
  this.timeout(120_000);
  let h: Harness;
  let dir: string;
  before(async () => {
    h = await harness();
    dir = tempWorkspace(false);
    assert.ok((await planAndApply(h.t, workspaceOf(OPS_WORKSPACE), h.sb.url)).report.converged);
  });
  after(async () => {
    await h.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });
  const as = (upn: string) => ['--sandbox', h.sb.url, '--as', upn, '--mfa'];
  const lead = () =>
    new GraphTransport({ baseUrl: h.sb.url, credential: sandboxTokenSource({ upn: 'lead@contoso.com', mfa: true }) });

  /** Runs `activate --wait` and, once its request is pending, lets the approver decide. */
  async function waitThrough(decision: 'Approve' | 'Deny', upn: string, extra: string[]) {
    const io = testIo(dir);
    const before = new Set(Object.keys(h.sb.state.requests));
    const running = run(['activate', '--group', 'ACT-Ops', '--wait', ...extra, ...as(upn)], io);
    let id: string | undefined;
    while (!id) {
      await new Promise((r) => setTimeout(r, 50));
      id = Object.keys(h.sb.state.requests).find(
        (k) => !before.has(k) && h.sb.state.requests[k].status === 'PendingApproval',
      );
    }
    await decide(lead(), id, decision, decision === 'Approve' ? 'go ahead' : 'not during the freeze');
    return { code: await running, io };
  }

  it('activates as owner without --role, printing the requirements before sending', async () => {
    const io = testIo(dir);
    assert.equal(
      await run(['activate', '--group', 'ACT-Ops', '--duration', '1h', ...as('alice@contoso.com')], io),
      0,
      io.text(),
    );
    assert.match(io.errors.join('\n'), /ACT-Ops \(owner\) requires: max PT2H\./);
    assert.match(io.lines.join('\n'), /^Activated \(Provisioned\) for PT1H, request /m);
  });

  it('says which flags to use when eligible as member and owner', async () => {
    const io = testIo(dir);
    assert.equal(await run(['activate', '--group', 'ACT-Ops', ...as('frank@contoso.com')], io), 1);
    assert.match(
      io.text(),
      /eligible as member and as owner of this group: say which \(--role member or --role owner\)/,
    );
  });

  it('refuses a duration and a start as typed before connecting, with the editor messages (exit 2)', async () => {
    const io = testIo(dir);
    assert.equal(
      await run(
        ['activate', '--group', 'ACT-Ops', '--duration', 'P1M', '--start', 'tomorrow', ...as('alice@contoso.com')],
        io,
      ),
      2,
    );
    assert.match(io.text(), /--duration: PIM refuses months in durations; write 'P30D' instead of 'P1M'\./);
    assert.match(io.text(), /--start: 'tomorrow' is not an RFC 3339 date-time/);
  });

  it('--wait reports the approval and exits 0', async () => {
    const { code, io } = await waitThrough('Approve', 'bob@contoso.com', [
      '--justification',
      'deploy',
      '--duration',
      '2h',
    ]);
    assert.equal(code, 0, io.text());
    assert.match(io.text(), /Requested \(PendingApproval\)/);
    assert.match(io.errors.join('\n'), /Waiting for approval \(PendingApproval, \d+ s\)/);
    assert.match(io.lines.join('\n'), /Approved: you are active now \(Provisioned\)/);
  });

  it("--wait reports a denial with the approver's reason and exits 1", async () => {
    const { code, io } = await waitThrough('Deny', 'frank@contoso.com', ['--role', 'member', '--justification', 'x']);
    assert.equal(code, 1, io.text());
    assert.match(io.lines.join('\n'), /Denied by the approver: not during the freeze/);
  });

  it('--wait --timeout stops waiting and leaves the request pending (exit 1)', async () => {
    const io = testIo(dir);
    const code = await run(
      [
        'activate',
        '--group',
        'ACT-Ops',
        '--role',
        'member',
        '--justification',
        'y',
        '--wait',
        '--timeout',
        '1s',
        ...as('frank@contoso.com'),
      ],
      io,
    );
    assert.equal(code, 1, io.text());
    assert.match(
      io.text(),
      /Stopped waiting: request \S+ is still waiting for its approver \(withdraw it with pim-groups activate --cancel --group 'ACT-Ops'\)/,
    );
    const cancel = testIo(dir);
    assert.equal(
      await run(['activate', '--group', 'ACT-Ops', '--cancel', '--role', 'member', ...as('frank@contoso.com')], cancel),
      0,
      cancel.text(),
    );
    assert.match(cancel.text(), /Withdrew the pending request for ACT-Ops \(member\)/);
  });

  it('a future --start prints "Scheduled for", is listed as scheduled, and --cancel withdraws it', async () => {
    const start = new Date(h.sb.clock.now().getTime() + 48 * 3600_000).toISOString().replace(/\.\d+Z$/, 'Z');
    const io = testIo(dir);
    assert.equal(
      await run(
        [
          'activate',
          '--group',
          'ACT-Ops',
          '--role',
          'owner',
          '--start',
          start,
          '--duration',
          '30m',
          ...as('frank@contoso.com'),
        ],
        io,
      ),
      0,
      io.text(),
    );
    assert.match(io.lines.join('\n'), new RegExp(`^Scheduled for ${start} \\(PT30M\\), request `, 'm'));
    assert.doesNotMatch(io.text(), /Activated/);
    const list = testIo(dir);
    await run(['activate', '--list', ...as('frank@contoso.com')], list);
    assert.match(list.text(), new RegExp(`scheduled owner  ACT-Ops from ${start.slice(0, 16)}`));
    const cancel = testIo(dir);
    assert.equal(
      await run(['activate', '--group', 'ACT-Ops', '--cancel', ...as('frank@contoso.com')], cancel),
      0,
      cancel.text(),
    );
    assert.match(cancel.text(), /Cancelled the scheduled activation of ACT-Ops \(owner\)/);
    const again = testIo(dir);
    await run(['activate', '--list', ...as('frank@contoso.com')], again);
    assert.doesNotMatch(again.text(), /scheduled/);
  });

  it('says how to satisfy an authentication context when the credential cannot sign in again', async () => {
    const io = testIo(dir);
    assert.equal(await run(['activate', '--group', 'ACT-Vault', ...as('alice@contoso.com')], io), 1);
    assert.match(
      io.text(),
      /requires the Conditional Access authentication context 'c1' on activation: The sandbox token states what the session satisfied: add --mfa \(multi-factor authentication\) or --acrs CONTEXT/,
    );
    const ok = testIo(dir);
    assert.equal(
      await run(['activate', '--group', 'ACT-Vault', ...as('alice@contoso.com'), '--acrs', 'c1'], ok),
      0,
      ok.text(),
    );
  });
});
