import * as assert from 'node:assert/strict';
import { harness, Harness } from '../harness/harness';
import { run, testIo } from '../harness/cliIo';
import { applyGovernanceGroup, GROUP } from './fixture';

describe('governance: report expiring', function () {
  this.timeout(120_000);
  let h: Harness;
  const report = async (...args: string[]) => {
    const io = testIo(process.cwd());
    const code = await run(['report', 'expiring', ...args, '--sandbox', h.sb.url], io);
    return { code, io };
  };
  before(async () => {
    h = await harness();
    await applyGovernanceGroup(h); // alice and bob eligible for P90D
  });
  after(() => h.close());

  it('exits 0 and lists nothing while every assignment ends after the window', async () => {
    const { code, io } = await report('--group', GROUP);
    assert.equal(code, 0, io.text());
    assert.match(io.lines.join('\n'), /none/);
  });

  it('exits 2 and lists the assignments by group, principal and end once the clock nears their end', async () => {
    h.sb.clock.advance(87 * 86_400_000);
    const { code, io } = await report('--group', GROUP);
    assert.equal(code, 2, io.text());
    const text = io.lines.join('\n');
    assert.match(text, new RegExp(`^  ${GROUP}$`, 'm'));
    assert.match(text, /eligible member Alice Ward <alice@contoso.com> {2}\S+Z {2}\(ends in (2|3) days\)/);
    assert.match(text, /Bob Stone <bob@contoso.com>/);

    const json = await report('--group', GROUP, '--json');
    assert.equal(json.code, 2);
    const r = JSON.parse(json.io.lines.join('\n'));
    assert.equal(r.assignments.length, 2);
    assert.deepEqual(
      r.assignments.map((a: { principalUpn: string; kind: string }) => `${a.kind} ${a.principalUpn}`).sort(),
      ['eligible alice@contoso.com', 'eligible bob@contoso.com'],
    );
  });

  it('a narrower window leaves them out (exit 0); a bad window is a usage error (exit 2, nothing read)', async () => {
    assert.equal((await report('--group', GROUP, '--within', 'P1D')).code, 0);
    const bad = await report('--within', 'P2W');
    assert.equal(bad.code, 2);
    assert.match(bad.io.errors.join('\n'), /--within/);
    const unknown = testIo(process.cwd());
    assert.equal(await run(['report', 'nothing', '--sandbox', h.sb.url], unknown), 2);
    assert.match(unknown.errors.join('\n'), /unknown report 'nothing'/);
  });

  it('reads every onboarded group when none is named', async () => {
    const { code, io } = await report('--json');
    assert.equal(code, 2);
    const r = JSON.parse(io.lines.join('\n'));
    assert.ok(r.groupsRead > 1);
    assert.ok(r.assignments.some((a: { groupName: string }) => a.groupName === GROUP));
  });
});
