import * as assert from 'node:assert/strict';
import { Client, PIM, T0, withSandbox, groupIdOf, userIdOf, DAY } from './harness';
import { main } from '../../../src/cli/main';
import type { CliIo } from '../../../src/cli/io';
import type { Sandbox } from '../../../src/sandbox';

describe('sandbox control endpoints and CLI', () => {
  let sb: Sandbox, admin: Client;
  beforeEach(async () => ({ sb, admin } = await withSandbox()));
  afterEach(() => sb.close());

  const control = async (method: string, path: string, body?: unknown) => {
    const r = await fetch(`${sb.url}/_sandbox/${path}`, {
      method,
      headers: body ? { 'Content-Type': 'application/json' } : {},
      body: body ? JSON.stringify(body) : undefined,
    });
    return { status: r.status, body: (await r.json()) as any };
  };

  it('reports health without a token', async () => {
    const h = await control('GET', 'health');
    assert.equal(h.status, 200);
    assert.deepEqual([h.body.status, h.body.seed, h.body.url, h.body.now], ['ok', 'demo', sb.url, T0.toISOString()]);
  });

  it('moves the clock by advanceMs or to a set time, and eligibility expires with it', async () => {
    assert.equal(
      (await control('POST', 'clock', { advanceMs: DAY })).body.now,
      new Date(T0.getTime() + DAY).toISOString(),
    );
    assert.equal(
      (await control('POST', 'clock', { set: '2027-01-01T00:00:00Z' })).body.now,
      '2027-01-01T00:00:00.000Z',
    );
    assert.equal(sb.clock.now().toISOString(), '2027-01-01T00:00:00.000Z');
    const list = await admin.get(
      `${PIM}/eligibilitySchedules?$filter=groupId eq '${groupIdOf(sb, 'PIM-Intune-Helpdesk')}'`,
    );
    assert.deepEqual(list.body.value, []);
    assert.equal((await control('POST', 'clock', { nonsense: 1 })).status, 400);
  });

  it('lists logged requests since a sequence number, and resets the tenant to its seed', async () => {
    await admin.post('/v1.0/groups', {
      displayName: 'PIM-Temp',
      mailEnabled: false,
      mailNickname: 'pim-temp',
      securityEnabled: true,
    });
    const log = await control('GET', 'requests');
    const last = log.body.value[log.body.value.length - 1];
    assert.deepEqual(
      [last.method, last.path, last.status, last.callerUpn],
      ['POST', '/v1.0/groups', 201, 'admin@contoso.com'],
    );
    assert.deepEqual((await control('GET', `requests?since=${last.seq}`)).body.value, []);
    assert.equal((await control('POST', 'reset', {})).status, 200);
    assert.equal((await admin.get("/v1.0/groups?$filter=displayName eq 'PIM-Temp'")).body.value.length, 0);
    assert.equal((await control('POST', 'reset', { seed: 'empty' })).body.seed, 'empty');
    assert.equal(Object.keys(sb.state.users).length, 1);
  });

  it('validates without storing when isValidationOnly is true', async () => {
    const helpdesk = groupIdOf(sb, 'PIM-Intune-Helpdesk');
    const body = {
      action: 'adminAssign',
      accessId: 'member',
      groupId: helpdesk,
      principalId: userIdOf(sb, 'carol.contractor@contoso.com'),
      isValidationOnly: true,
      scheduleInfo: { expiration: { type: 'afterDuration', duration: 'P30D' } },
    };
    const r = await admin.post(`${PIM}/eligibilityScheduleRequests`, body);
    assert.equal(r.status, 201);
    assert.equal(r.body.isValidationOnly, true);
    assert.equal(
      (await admin.get(`${PIM}/eligibilitySchedules?$filter=groupId eq '${helpdesk}'`)).body.value.length,
      2,
    );
    const refused = await admin.post(`${PIM}/eligibilityScheduleRequests`, {
      ...body,
      scheduleInfo: { expiration: { type: 'noExpiration' } },
    });
    assert.equal(refused.body.error.code, 'RoleAssignmentRequestPolicyValidationFailed');
  });
});

describe('pim-groups sandbox and token commands', () => {
  function io(lines: string[], errors: string[], signal: AbortSignal): CliIo {
    return {
      out: (l) => lines.push(l),
      err: (l) => errors.push(l),
      isTty: false,
      cwd: process.cwd(),
      env: {},
      signal,
      confirm: async () => false,
    };
  }

  it('prints exactly one line "listening on http://127.0.0.1:PORT" and serves until cancelled', async () => {
    const lines: string[] = [],
      errors: string[] = [];
    const ac = new AbortController();
    const done = main(
      ['sandbox', '--seed', 'empty', '--faults', 'seed=1,rate=0', '--throttle', '100/1000'],
      io(lines, errors, ac.signal),
    );
    for (let i = 0; i < 200 && lines.length === 0; i++) await new Promise((r) => setTimeout(r, 10));
    assert.equal(lines.length, 1);
    const m = /^listening on (http:\/\/127\.0\.0\.1:\d+)$/.exec(lines[0]);
    assert.ok(m, lines[0]);
    const health = (await (await fetch(`${m![1]}/_sandbox/health`)).json()) as { seed: string };
    assert.equal(health.seed, 'empty');
    ac.abort();
    assert.equal(await done, 0);
    assert.deepEqual(errors, []);
  });

  it('refuses bad options with exit code 2', async () => {
    for (const args of [
      ['--seed', 'big'],
      ['--faults', 'kinds=500'],
      ['--throttle', 'lots'],
      ['--port', '-1'],
      ['--frobnicate'],
    ]) {
      const errors: string[] = [];
      assert.equal(await main(['sandbox', ...args], io([], errors, new AbortController().signal)), 2, args.join(' '));
      assert.match(errors[0], /^pim-groups sandbox: /);
    }
  });

  it('mints a token that the sandbox accepts as that user, with MFA and auth context claims', async () => {
    const lines: string[] = [];
    assert.equal(
      await main(
        ['token', '--as', 'alice@contoso.com', '--mfa', '--acrs', 'c1'],
        io(lines, [], new AbortController().signal),
      ),
      0,
    );
    const claims = JSON.parse(Buffer.from(lines[0].split('.')[1], 'base64url').toString());
    assert.deepEqual([claims.upn, claims.amr, claims.acrs], ['alice@contoso.com', ['pwd', 'mfa'], ['c1']]);
    const { sb } = await withSandbox();
    try {
      const me = await fetch(`${sb.url}/v1.0/me`, { headers: { Authorization: `Bearer ${lines[0]}` } });
      assert.equal(((await me.json()) as { userPrincipalName: string }).userPrincipalName, 'alice@contoso.com');
    } finally {
      await sb.close();
    }
    assert.equal(await main(['token'], io([], [], new AbortController().signal)), 2);
  });
});
