// A bounded, seeded fuzz run of the sandbox's HTTP surface: random methods, paths with special ids, bodies, headers
// and OData query values. Whatever comes in, the sandbox stays up, answers Graph envelopes only, never a 500 (no
// fault is injected here), leaves Object.prototype alone and keeps its memory bounded.
import * as assert from 'node:assert/strict';
import { withSandbox, groupIdOf, userIdOf } from './harness';
import { bearer, raw, RawReply } from './rawHttp';
import { prng } from '../../../src/sandbox/faults';
import { LOG_LIMITS } from '../../../src/sandbox/requestLog';

const REQUESTS = 2000;
const SEED = 20261130;

describe('sandbox HTTP surface under a seeded fuzz run', function () {
  this.timeout(600_000);

  it(`answers ${REQUESTS} random requests with Graph envelopes, never a 500, and stays up and bounded`, async () => {
    const { sb } = await withSandbox();
    try {
      const rnd = prng(SEED);
      const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)];
      const host = new URL(sb.url).host;
      const ids = [
        groupIdOf(sb, 'PIM-Intune-Helpdesk'),
        userIdOf(sb, 'alice@contoso.com'),
        '__proto__',
        'constructor',
        'prototype',
        'toString',
        'hasOwnProperty',
        '__PROTO__',
        '00000000-0000-0000-0000-000000000000',
        'x'.repeat(3000),
        '%00',
        '%E0%A4%A',
        "a'b",
        '..',
        '%2F',
        '😀',
        'alice@contoso.com',
        "('x')",
        '',
      ];
      const paths = [
        '/v1.0/groups/{id}',
        '/v1.0/groups/{id}/members',
        '/v1.0/groups/{id}/owners/$ref',
        '/v1.0/groups/{id}/members/{id}/$ref',
        '/v1.0/users/{id}',
        '/v1.0/users/{id}/memberOf',
        '/beta/directoryObjects/{id}',
        '/v1.0/servicePrincipals/{id}',
        '/v1.0/groups',
        '/v1.0/users',
        '/v1.0/me',
        '/v1.0/$batch',
        '/v1.0/directoryObjects/getByIds',
        '/v1.0/groups/$count',
        '/v1.0/identityGovernance/privilegedAccess/group/eligibilityScheduleRequests',
        '/v1.0/identityGovernance/privilegedAccess/group/assignmentSchedules/{id}',
        '/v1.0/identityGovernance/privilegedAccess/group/assignmentScheduleRequests/{id}/cancel',
        '/v1.0/identityGovernance/privilegedAccess/group/assignmentApprovals/{id}',
        '/v1.0/policies/roleManagementPolicies/{id}',
        '/v1.0/policies/roleManagementPolicies/{id}/rules/{id}',
        '/v1.0/policies/roleManagementPolicyAssignments',
        '/v1.0/identity/conditionalAccess/policies/{id}',
        '/arm/subscriptions/{id}/providers/Microsoft.Authorization/roleAssignments/{id}?api-version=2022-04-01',
        '/_sandbox/clock',
        '/_sandbox/requests',
        '/_sandbox/health',
        '/_sandbox/{id}',
        '/{id}',
        '/v2.0/groups',
      ];
      const queries = [
        '',
        '$top=5',
        '$top=-1',
        '$top=1e9',
        '$top=abc',
        '$select=id,displayName',
        '$select=__proto__',
        '$select=',
        "$filter=displayName eq 'x'",
        "$filter=startswith(displayName,'PIM')",
        '$filter=((((',
        "$filter=id in ('a','b')",
        "$filter=groupId eq '{id}'",
        '$filter=constructor eq 1',
        '$count=true',
        '$search="displayName:PIM"',
        '$expand=members',
        '$expand=__proto__($select=x)',
        '$orderby=displayName desc',
        '$skiptoken=zzz',
        '%zz',
        'since=abc',
      ];
      const value = (depth: number): unknown => {
        const r = rnd();
        if (depth > 3 || r < 0.3)
          return pick([null, true, 0, -1, 1e308, 'x', '', 'P99999999D', '9999-12-31T23:59:59Z', '\u0000\u001b[2K']);
        if (r < 0.5) return Array.from({ length: Math.floor(rnd() * 4) }, () => value(depth + 1));
        const keys = [
          'displayName',
          'mailNickname',
          'securityEnabled',
          'mailEnabled',
          'description',
          'action',
          'accessId',
          'groupId',
          'principalId',
          'scheduleInfo',
          'expiration',
          'rules',
          'requests',
          'ids',
          'advanceMs',
          'set',
          'seed',
          '@odata.type',
          'id',
          '__proto__',
          'constructor',
          'prototype',
        ];
        const o: Record<string, unknown> = {};
        for (let i = Math.floor(rnd() * 5); i > 0; i--)
          Object.defineProperty(o, pick(keys), {
            value: value(depth + 1),
            enumerable: true,
            configurable: true,
            writable: true,
          });
        return o;
      };
      const bodies = (): string | undefined => {
        const r = rnd();
        if (r < 0.35) return undefined;
        if (r < 0.45) return pick(['{', 'null', '[]', '"x"', '{"a":', '\u0000', '{"__proto__":{"polluted":1}}']);
        return JSON.stringify(value(0));
      };
      const statuses = new Map<number, number>();
      const before = process.memoryUsage().heapUsed;
      for (let i = 0; i < REQUESTS; i++) {
        const id = pick(ids);
        const path = pick(paths).replace(/\{id\}/g, () => (rnd() < 0.5 ? id : pick(ids)));
        const query = pick(queries).replace('{id}', id);
        const method = pick(['GET', 'GET', 'POST', 'PATCH', 'DELETE', 'PUT', 'HEAD', 'OPTIONS']);
        // HEAD has no body in HTTP framing (Node would read one as the next request).
        const body = method === 'HEAD' || (method === 'GET' && rnd() < 0.8) ? undefined : bodies();
        const headers: Record<string, string> = { Host: rnd() < 0.05 ? 'attacker.example' : host };
        if (rnd() < 0.9)
          headers.Authorization = bearer(
            pick(['admin@contoso.com', 'alice@contoso.com', 'megan.manager@contoso.com']),
            rnd() < 0.05 ? { oid: id } : {},
          );
        if (body !== undefined)
          headers['Content-Type'] = pick([
            'application/json',
            'application/json',
            'application/json; charset=utf-8',
            'text/plain',
            'application/x-www-form-urlencoded',
          ]);
        if (rnd() < 0.2) headers.ConsistencyLevel = 'eventual';
        if (rnd() < 0.05) headers.Origin = pick(['http://127.0.0.1:1', 'https://attacker.example']);
        let r: RawReply;
        const target = (query ? `${path}${path.includes('?') ? '&' : '?'}${query}` : path).replace(
          /[^\x21-\x7e]/gu,
          (c) => encodeURIComponent(c),
        );
        try {
          r = await raw(sb.url, { method, path: target, headers, body });
        } catch (e) {
          assert.fail(`request ${i} ${method} ${target} got no answer: ${(e as Error).message}`);
        }
        statuses.set(r.status, (statuses.get(r.status) ?? 0) + 1);
        const what = `request ${i}: ${method} ${target.slice(0, 200)} ${body?.slice(0, 200) ?? ''} → ${r.status} ${r.text.slice(0, 300)}`;
        assert.notEqual(r.status, 500, what);
        assert.ok(r.status >= 200 && r.status < 600, what);
        if (method === 'HEAD' || r.status === 204) continue;
        if (r.status >= 400) {
          assert.equal(typeof r.json?.error?.code, 'string', what);
          assert.equal(typeof r.json?.error?.message, 'string', what);
        } else if (r.headers['content-type']?.startsWith('text/plain')) {
          assert.match(r.text, /^\d+$/, what);
        } else {
          assert.ok(r.json && typeof r.json === 'object' && !Array.isArray(r.json), what);
        }
      }
      // Still up, still itself.
      const me = await raw(sb.url, {
        method: 'GET',
        path: '/v1.0/me',
        headers: { Host: host, Authorization: bearer() },
      });
      assert.equal(me.status, 200);
      assert.deepEqual(Object.keys(Object.prototype), []);
      assert.equal(({} as Record<string, unknown>).polluted, undefined);
      assert.ok(sb.requestLog.length <= LOG_LIMITS.entries);
      const grown = process.memoryUsage().heapUsed - before;
      assert.ok(grown < 256 * 1024 * 1024, `heap grew by ${Math.round(grown / 1024 / 1024)} MB`);
      assert.ok(
        (statuses.get(200) ?? 0) + (statuses.get(201) ?? 0) > 0,
        'some requests succeed, so the run reaches the handlers',
      );
    } finally {
      await sb.close();
    }
  });
});
