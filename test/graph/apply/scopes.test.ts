// The minimal permission sets of docs/permissions.md, over real HTTP with tokens that carry exactly them: a plan-only
// set plans and exports and is refused at apply with one sentence naming the missing permission; the activation set
// lets a person list, activate and deactivate; a pipeline's application permissions plan and apply.
import * as assert from 'node:assert/strict';
import { applyPlan } from '../../../src/apply';
import { activate, deactivate, myMemberships } from '../../../src/activation';
import { sandboxAppTokenSource, sandboxTokenSource } from '../../../src/auth/tokenSource';
import { exportGroups } from '../../../src/export/exportGroups';
import { GraphTransport } from '../../../src/graph/transport';
import { allOperations, isEmpty } from '../../../src/plan';
import { harness, Harness, workspaceOf } from '../harness/harness';
import { planFor } from '../harness/engine';
import { needsOf, PermissionCommand } from '../../../src/readiness/permissions';

// The sets come from the permissions data that docs/permissions.md and the readiness check show: the least
// privileged permission of each need, required ones only (the optional plan checks say what they skipped).
const leastOf = (command: PermissionCommand, type: 'delegated' | 'application') => [
  ...new Set(needsOf(command, new Set()).flatMap((n) => (n.optional || !n[type].length ? [] : [n[type][0]]))),
];
const PLAN = leastOf('plan', 'delegated');
const APPLY = leastOf('apply', 'delegated');
const ACTIVATION = leastOf('activate', 'delegated');

// An existing onboarded group: a policy change and a new eligible member (no bindings: their scopes are their own).
const EXCHANGE = `apiVersion: pim-groups/v1
kind: PimGroup
metadata:
  name: exchange-admins
group:
  displayName: PIM-Exchange-Admins
policies:
  member:
    activation:
      maxDuration: PT2H
      requireMfa: true
assignments:
  mode: additive
  eligible:
    - principal: user:alice@contoso.com
      duration: P30D
`;

const isProcessedWrite = (e: { method: string; path: string; status: number }) =>
  e.method !== 'GET' && !/\$batch|getByIds/.test(e.path) && e.status >= 200 && e.status < 300;

describe('engine: the minimal permission sets of docs/permissions.md', function () {
  this.timeout(120_000);
  let h: Harness;
  beforeEach(async () => {
    h = await harness();
  });
  afterEach(async () => {
    await h.close();
  });
  const delegated = (upn: string, scopes: string[]) =>
    new GraphTransport({ baseUrl: h.sb.url, credential: sandboxTokenSource({ upn, mfa: true, scopes }) });

  it('plan-only scopes plan and export, and apply is refused with one sentence naming the missing permission', async () => {
    const t = delegated('admin@contoso.com', PLAN);
    const ws = workspaceOf(EXCHANGE);
    const { plan } = await planFor(t, ws, h.sb.url);
    assert.deepEqual(
      plan.issues.filter((i) => i.severity === 'error'),
      [],
    );
    assert.ok(allOperations(plan).length >= 2, 'a policy change and an assignment are planned');
    const exported = await exportGroups(t, { all: true });
    assert.ok(exported.groups.some((g) => g.definition.group.displayName === 'PIM-Exchange-Admins'));

    const before = h.sb.requestLog.length;
    const report = await applyPlan(t, plan);
    assert.equal(report.converged, false);
    const failed = report.outcomes.filter((o) => o.status === 'failed');
    assert.ok(failed.length > 0);
    for (const o of failed) {
      assert.match(o.message ?? '', /the token lacks the permission \S*ReadWrite\.AzureADGroup/, o.message);
      assert.match(o.message ?? '', /docs\/permissions\.md/);
    }
    assert.deepEqual(h.sb.requestLog.slice(before).filter(isProcessedWrite), [], 'nothing was written');
  });

  it('the activation scopes let a person list, activate and deactivate', async () => {
    // PIM-Exchange-Admins gets a policy without MFA or approval and alice an eligible membership (by the admin).
    const admin = delegated('admin@contoso.com', APPLY);
    const setUp = await applyPlan(
      admin,
      (await planFor(admin, workspaceOf(EXCHANGE.replace('requireMfa: true', 'requireMfa: false')), h.sb.url)).plan,
    );
    assert.ok(setUp.converged, JSON.stringify(setUp.outcomes.filter((o) => o.status !== 'done')));

    const alice = delegated('alice@contoso.com', ACTIVATION);
    const mine = (await myMemberships(alice)).memberships;
    const m = mine.find((x) => x.groupName === 'PIM-Exchange-Admins' && x.state === 'eligible');
    assert.ok(m, JSON.stringify(mine));
    const result = await activate(alice, {
      groupId: m.groupId,
      role: 'member',
      duration: 'PT1H',
      justification: 'shift',
    });
    assert.equal(result.pendingApproval, false);
    assert.ok((await myMemberships(alice)).memberships.some((x) => x.groupId === m.groupId && x.state === 'active'));
    h.sb.clock.advance(6 * 60_000); // PIM keeps an activation for at least 5 minutes
    await deactivate(alice, m.groupId, 'member');
    assert.ok(!(await myMemberships(alice)).memberships.some((x) => x.groupId === m.groupId && x.state === 'active'));
  });

  it("a pipeline's application permissions (app-only token, roles claim) plan and apply, and converge", async () => {
    const app = new GraphTransport({
      baseUrl: h.sb.url,
      credential: sandboxAppTokenSource({ roles: leastOf('apply', 'application') }),
    });
    const ws = workspaceOf(EXCHANGE);
    const { plan } = await planFor(app, ws, h.sb.url);
    const report = await applyPlan(app, plan);
    assert.ok(report.converged, JSON.stringify(report.outcomes.filter((o) => o.status !== 'done')));
    assert.ok(isEmpty((await planFor(app, ws, h.sb.url)).plan));
    const writers = new Set(h.sb.requestLog.filter(isProcessedWrite).map((e) => e.callerUpn));
    assert.deepEqual([...writers], ['pim-groups-pipeline'], 'the service principal wrote, nobody else');
  });
});
