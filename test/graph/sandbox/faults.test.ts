import * as assert from 'node:assert/strict';
import { Client, withSandbox } from './harness';
import { parseFaultSpec } from '../../../src/sandbox';

describe('sandbox faults and throttling', () => {
  it('parses the fault spec and refuses unknown keys and kinds', () => {
    assert.deepEqual(parseFaultSpec('seed=42,rate=0.1,kinds=429+503+reset,retryAfter=1'), {
      seed: 42,
      rate: 0.1,
      kinds: ['429', '503', 'reset'],
      retryAfter: 1,
    });
    assert.throws(() => parseFaultSpec('rate=2'));
    assert.throws(() => parseFaultSpec('kinds=500'));
    assert.throws(() => parseFaultSpec('colour=blue'));
  });

  it('injects 429 and 503 with Retry-After, and drops connections, at the seeded rate', async () => {
    const { sb, admin } = await withSandbox({ faults: 'seed=7,rate=0.5,kinds=429+503+reset,retryAfter=3' });
    try {
      const seen = new Map<string, number>();
      for (let i = 0; i < 40; i++) {
        try {
          const r = await admin.get('/v1.0/me');
          seen.set(String(r.status), (seen.get(String(r.status)) ?? 0) + 1);
          if (r.status === 429 || r.status === 503) assert.equal(r.headers.get('retry-after'), '3');
        } catch {
          seen.set('reset', (seen.get('reset') ?? 0) + 1);
        }
      }
      for (const k of ['200', '429', '503', 'reset'])
        assert.ok((seen.get(k) ?? 0) > 0, `expected some ${k}: ${JSON.stringify([...seen])}`);
    } finally {
      await sb.close();
    }
  });

  it('throttles a caller beyond its budget with 429 and a Retry-After from the window, also inside $batch', async () => {
    const { sb, admin } = await withSandbox({ throttle: { requests: 3, perMs: 60_000 } });
    try {
      for (let i = 0; i < 2; i++) assert.equal((await admin.get('/v1.0/me')).status, 200);
      const batch = await admin.post('/v1.0/$batch', {
        requests: [
          { id: '1', method: 'GET', url: '/me' },
          { id: '2', method: 'GET', url: '/me' },
        ],
      });
      // The outer batch request used the third unit: it still answers 200, and both inner requests are over budget.
      assert.equal(batch.status, 200);
      assert.deepEqual(
        batch.body.responses.map((r: { status: number }) => r.status),
        [429, 429],
      );
      const other = admin.as('alice@contoso.com');
      const ok = await other.post('/v1.0/$batch', {
        requests: [
          { id: '1', method: 'GET', url: '/me' },
          { id: '2', method: 'GET', url: '/me' },
          { id: '3', method: 'GET', url: '/me' },
        ],
      });
      assert.equal(ok.status, 200);
      const statuses = ok.body.responses.map((r: { status: number }) => r.status);
      assert.deepEqual(statuses, [200, 200, 429]);
      const retry = Number(ok.body.responses[2].headers['Retry-After']);
      assert.ok(retry >= 1 && retry <= 60, String(retry));
      const r = await admin.get('/v1.0/me');
      assert.equal(r.status, 429);
      assert.equal(r.body.error.code, 'TooManyRequests');
    } finally {
      await sb.close();
    }
  });

  it('meters writes apart: over its write budget a caller is refused writes (WriteLimitExceeded) but still served reads', async () => {
    const { sb, admin } = await withSandbox({
      throttle: { requests: 100, perMs: 60_000 },
      writeThrottle: { requests: 2, perMs: 60_000 },
    });
    try {
      const group = (await admin.get('/v1.0/groups?$top=1')).body.value[0].id as string;
      for (let i = 0; i < 2; i++)
        assert.equal((await admin.patch(`/v1.0/groups/${group}`, { description: `Description ${i}` })).status, 204);
      const refused = await admin.patch(`/v1.0/groups/${group}`, { description: 'Description 2' });
      assert.equal(refused.status, 429);
      assert.equal(refused.headers.get('x-ms-throttle-information'), 'WriteLimitExceeded');
      assert.ok(Number(refused.headers.get('retry-after')) >= 1);
      assert.equal((await admin.get(`/v1.0/groups/${group}?$select=description`)).body.description, 'Description 1');
      // The $batch envelope is not a write: it is served, its read answers 200 and its write is refused on its own.
      const batch = await admin.post('/v1.0/$batch', {
        requests: [
          { id: '1', method: 'GET', url: '/me' },
          {
            id: '2',
            method: 'PATCH',
            url: `/groups/${group}`,
            body: { description: 'Description 3' },
            headers: { 'Content-Type': 'application/json' },
          },
        ],
      });
      assert.equal(batch.status, 200);
      const byId = Object.fromEntries(
        batch.body.responses.map((r: { id: string; status: number }) => [r.id, r.status]),
      );
      assert.deepEqual(byId, { '1': 200, '2': 429 });
    } finally {
      await sb.close();
    }
  });

  it("throttles ARM requests with the same per-caller budget, in ARM's error format", async () => {
    const { sb, admin } = await withSandbox({ throttle: { requests: 1, perMs: 60_000 } });
    try {
      const url =
        '/arm/subscriptions/8f2c1b9e-3a4d-4e5f-9a6b-7c8d9e0f1a2b/providers/Microsoft.Authorization/roleAssignments?api-version=2022-04-01';
      assert.equal((await admin.get(url)).status, 200);
      const r = await admin.get(url);
      assert.equal(r.status, 429);
      assert.equal(r.body.error.code, 'TooManyRequests');
      assert.ok(Number(r.headers.get('retry-after')) >= 1);
    } finally {
      await sb.close();
    }
  });

  it('answers the same request sequence identically in two sandboxes with the same seed and fault spec', async () => {
    const run = async () => {
      const { sb, admin } = await withSandbox({ faults: 'seed=42,rate=0.3,kinds=429+503' });
      const out: string[] = [];
      try {
        const c: Client = admin;
        const helpdesk = Object.values(sb.state.groups).find((g) => g.displayName === 'PIM-Intune-Helpdesk')!.id;
        const carol = Object.values(sb.state.users).find((u) => u.userPrincipalName.startsWith('carol'))!.id;
        const steps: [string, string, unknown?][] = [
          ['GET', '/v1.0/groups?$top=4'],
          [
            'POST',
            '/v1.0/groups',
            { displayName: 'PIM-Det', mailEnabled: false, mailNickname: 'pim-det', securityEnabled: true },
          ],
          [
            'POST',
            '/v1.0/identityGovernance/privilegedAccess/group/eligibilityScheduleRequests',
            {
              action: 'adminAssign',
              accessId: 'member',
              groupId: helpdesk,
              principalId: carol,
              scheduleInfo: { expiration: { type: 'afterDuration', duration: 'P30D' } },
            },
          ],
          [
            'GET',
            `/v1.0/identityGovernance/privilegedAccess/group/eligibilitySchedules?$filter=groupId eq '${helpdesk}'`,
          ],
          [
            'GET',
            `/v1.0/policies/roleManagementPolicyAssignments?$filter=scopeId eq '${helpdesk}' and scopeType eq 'Group'&$expand=policy($expand=rules)`,
          ],
        ];
        for (let round = 0; round < 3; round++) {
          for (const [m, p, b] of steps) {
            const r = await c.call(m, p, b);
            out.push(
              `${r.status} ${r.headers.get('request-id')} ${JSON.stringify(r.body).replace(new RegExp(sb.url, 'g'), 'URL')}`,
            );
          }
        }
      } finally {
        await sb.close();
      }
      return out;
    };
    const [a, b] = [await run(), await run()];
    assert.deepEqual(a, b);
    assert.ok(
      a.some((l) => l.startsWith('429') || l.startsWith('503')),
      'the spec should have produced faults',
    );
    assert.ok(a.some((l) => l.startsWith('201')));
  });
});
