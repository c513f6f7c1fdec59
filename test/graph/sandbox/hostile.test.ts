// A hostile local process or web page against the sandbox: prototype keys as ids and in bodies, forged token
// claims, DNS rebinding, cross-site control requests, huge bodies and clock values. The sandbox runs inside the
// VS Code extension host, so none of this may reach the host process.
import * as assert from 'node:assert/strict';
import { PIM, withSandbox, groupIdOf, userIdOf } from './harness';
import { bearer, raw } from './rawHttp';
import { BoundedLog, RequestLogEntry } from '../../../src/sandbox/requestLog';
import type { Sandbox } from '../../../src/sandbox';

describe('sandbox against hostile requests', () => {
  let sb: Sandbox;
  let host: string;
  beforeEach(async () => {
    ({ sb } = await withSandbox());
    host = new URL(sb.url).host;
  });
  afterEach(() => sb.close());

  const json = (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) =>
    raw(sb.url, {
      method,
      path,
      body: body === undefined ? undefined : JSON.stringify(body),
      headers: {
        Host: host,
        Authorization: bearer(),
        ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
        ...headers,
      },
    });

  it('refuses __proto__ and constructor as ids, and Object.prototype stays untouched', async () => {
    const patched = await json('PATCH', '/v1.0/groups/__proto__', { displayName: 'polluted' });
    assert.ok(patched.status >= 400 && patched.status < 500, `PATCH __proto__ answered ${patched.status}`);
    assert.equal(({} as Record<string, unknown>).displayName, undefined);
    for (const path of [
      '/v1.0/users/constructor',
      '/v1.0/groups/constructor',
      '/v1.0/groups/__proto__',
      '/v1.0/directoryObjects/toString',
    ]) {
      const r = await json('GET', path);
      assert.ok(r.status === 400 || r.status === 404, `${path} answered ${r.status}`);
      assert.equal(typeof r.json.error.code, 'string');
    }
    assert.equal((await json('GET', '/v1.0/me')).status, 200);
  });

  it('refuses a token whose oid is not an object id, even with a known upn', async () => {
    const r = await json('GET', '/v1.0/me', undefined, {
      Authorization: bearer('admin@contoso.com', { oid: 'constructor' }),
    });
    assert.equal(r.status, 401);
  });

  it('refuses principalId "constructor" in a schedule request (the subject does not exist)', async () => {
    const body = {
      action: 'adminAssign',
      accessId: 'member',
      groupId: groupIdOf(sb, 'PIM-Intune-Helpdesk'),
      principalId: 'constructor',
      scheduleInfo: { expiration: { type: 'afterDuration', duration: 'P30D' } },
    };
    const r = await json('POST', `${PIM}/eligibilityScheduleRequests`, body);
    assert.equal(r.status, 400);
  });

  it('refuses a JSON body carrying a __proto__ or constructor key', async () => {
    const id = groupIdOf(sb, 'Helpdesk Leads');
    const r = await raw(sb.url, {
      method: 'PATCH',
      path: `/v1.0/groups/${id}`,
      headers: { Host: host, Authorization: bearer(), 'Content-Type': 'application/json' },
      body: '{"description":"x","__proto__":{"isAdmin":true}}',
    });
    assert.equal(r.status, 400);
    const nested = await json('PATCH', `/v1.0/groups/${id}`, { description: { constructor: { prototype: 1 } } });
    assert.equal(nested.status, 400);
  });

  it('answers only loopback Host names (DNS rebinding)', async () => {
    assert.equal((await json('GET', '/v1.0/me', undefined, { Host: 'attacker.example:80' })).status, 400);
    assert.equal((await json('GET', '/_sandbox/health', undefined, { Host: 'attacker.example' })).status, 400);
    assert.equal((await json('GET', '/v1.0/me', undefined, { Host: `localhost:${new URL(sb.url).port}` })).status, 200);
  });

  it('refuses cross-site text/plain resets and clock moves, and the tenant is kept', async () => {
    const before = Object.keys(sb.state.groups).length;
    await json('POST', '/v1.0/groups', {
      displayName: 'Kept',
      mailEnabled: false,
      mailNickname: 'kept',
      securityEnabled: true,
    });
    const crossSite = {
      Host: 'rebound.attacker.example',
      Origin: 'http://rebound.attacker.example',
      'Content-Type': 'text/plain',
    };
    assert.equal(
      (await raw(sb.url, { method: 'POST', path: '/_sandbox/reset', headers: crossSite, body: '{"seed":"empty"}' }))
        .status,
      400,
    );
    const plain = { Host: host, 'Content-Type': 'text/plain' };
    assert.equal(
      (await raw(sb.url, { method: 'POST', path: '/_sandbox/reset', headers: plain, body: '{"seed":"empty"}' })).status,
      415,
    );
    assert.equal((await raw(sb.url, { method: 'POST', path: '/_sandbox/reset', headers: { Host: host } })).status, 415);
    const foreignOrigin = { Host: host, Origin: 'https://attacker.example', 'Content-Type': 'application/json' };
    assert.equal(
      (await raw(sb.url, { method: 'POST', path: '/_sandbox/clock', headers: foreignOrigin, body: '{"advanceMs":1}' }))
        .status,
      403,
    );
    assert.equal(Object.keys(sb.state.groups).length, before + 1);
    assert.equal(sb.clock.now().toISOString(), '2026-11-26T10:00:00.000Z');
  });

  it('requires a JSON content type on Graph writes with a body', async () => {
    const r = await raw(sb.url, {
      method: 'POST',
      path: '/v1.0/groups',
      headers: { Host: host, Authorization: bearer(), 'Content-Type': 'text/plain' },
      body: JSON.stringify({ displayName: 'X', mailEnabled: false, mailNickname: 'x', securityEnabled: true }),
    });
    assert.equal(r.status, 415);
    assert.equal(r.json.error.code, 'UnsupportedMediaType');
  });

  it('refuses clock values outside the years 1 to 9999, and keeps answering', async () => {
    for (const body of [
      { advanceMs: 1e308 },
      { advanceMs: -1e308 },
      { set: '+275760-09-13T00:00:00Z' },
      { advanceMs: Number.MAX_SAFE_INTEGER },
    ]) {
      const r = await json('POST', '/_sandbox/clock', body);
      assert.equal(r.status, 400, JSON.stringify(body));
    }
    assert.equal((await json('GET', '/v1.0/me')).status, 200);
    assert.throws(() => sb.clock.advance(1e308), RangeError);
    assert.equal(sb.clock.now().toISOString(), '2026-11-26T10:00:00.000Z');
  });

  it('refuses a schedule ending after 9999-12-31 with a 400, not a 500', async () => {
    const body = {
      action: 'adminAssign',
      accessId: 'member',
      groupId: groupIdOf(sb, 'PIM-Intune-Helpdesk'),
      principalId: userIdOf(sb, 'carol.contractor@contoso.com'),
      scheduleInfo: { expiration: { type: 'afterDuration', duration: 'P99999999D' } },
    };
    const r = await json('POST', `${PIM}/eligibilityScheduleRequests`, body);
    assert.equal(r.status, 400);
    assert.equal(r.json.error.code, 'InvalidRoleAssignmentRequest');
  });

  it('answers 413 to a body over 4 MB and does not keep it', async () => {
    const big = JSON.stringify({ displayName: 'x'.repeat(5 * 1024 * 1024) });
    const r = await raw(sb.url, {
      method: 'POST',
      path: '/v1.0/groups',
      headers: { Host: host, Authorization: bearer(), 'Content-Type': 'application/json' },
      body: big,
    });
    assert.equal(r.status, 413);
    assert.equal(r.json.error.code, 'RequestEntityTooLarge');
    assert.ok(!sb.requestLog.some((e) => JSON.stringify(e.body ?? '').length > 1024 * 1024));
  });

  it('answers 400 to a malformed percent-encoding on the ARM face', async () => {
    const r = await json('GET', '/arm/subscriptions/%E0%A4%A?api-version=2022-04-01');
    assert.equal(r.status, 400);
  });
});

describe('sandbox request log', () => {
  const entry = (seq: number, bodyBytes: number): RequestLogEntry => ({
    seq,
    time: '',
    method: 'POST',
    path: '/v1.0/groups',
    status: 400,
    callerUpn: null,
    requestId: '',
    clientRequestId: '',
    inBatch: false,
    body: { d: 'x'.repeat(bodyBytes) },
  });

  it('stays within its byte budget, dropping the oldest entries first', () => {
    const entries: RequestLogEntry[] = [];
    const log = new BoundedLog(entries, { entries: 1000, bytes: 100_000 });
    for (let i = 1; i <= 40; i++) log.push(entry(i, 10_000));
    assert.ok(log.byteCount <= 100_000, `${log.byteCount} bytes kept`);
    assert.equal(entries[entries.length - 1].seq, 40);
    assert.ok(entries.length < 40 && entries.length >= 9);
    log.push(entry(41, 1));
    assert.equal(entries[entries.length - 1].seq, 41);
  });
});
