import * as assert from 'node:assert/strict';
import { allOperations, AppliedRecord } from '../../../src/plan';
import type { UpdatePolicyRuleOp } from '../../../src/plan/model';
import { POLICY_FIELDS } from '../../../src/tenant/policyFields';
import { applyChanges } from '../../../src/plan/planPolicy';
import { paths } from '../../../src/graph/api/paths';
import { policiesOf } from '../../../src/tenant/convert';
import type { GraphPolicyAssignment } from '../../../src/graph/types';
import { harness, Harness, workspaceOf } from '../harness/harness';
import { planAndApply, planFor } from '../harness/engine';

// A group that manages every field the language has (member policy), so each can drift.
const FULL = `apiVersion: pim-groups/v1
kind: PimGroup
metadata: { name: drift-all }
group: { displayName: PIM-Drift-All, description: Every managed field can drift }
policies:
  member:
    activation:
      maxDuration: PT6H
      requireMfa: false
      requireJustification: true
      requireTicket: false
      authenticationContext: c1
      approval: { approvers: [ user:lead@contoso.com ], requireApproverJustification: true, timeoutDays: 1 }
    eligibility: { allowPermanent: false, maxDuration: P200D }
    assignment: { allowPermanent: false, maxDuration: P20D, requireMfa: false, requireJustification: true, requireTicket: false }
    notifications:
${['eligibleAssigned', 'activeAssigned', 'activated'].map((e) => `      ${e}:\n${['admin', 'assignee', 'approver'].map((r) => `        ${r}: { defaultRecipients: true, additionalRecipients: [secops@contoso.com], criticalOnly: false }`).join('\n')}`).join('\n')}
assignments:
  eligible:
    - principal: user:alice@contoso.com
      duration: P30D
      justification: rota
`;

function otherValue(kind: string, value: unknown, aliceId: string): unknown {
  switch (kind) {
    case 'boolean':
      return !value;
    case 'duration':
      return value === 'PT6H' ? 'PT3H' : value === 'P200D' ? 'P100D' : 'P10D';
    case 'string':
      return value === 'c1' ? 'c2' : 'c1';
    case 'number':
      return Number(value) + 1;
    case 'ids':
      return [`user:${aliceId}`];
    default:
      return ['someone.else@contoso.com'];
  }
}

describe('engine: drift (changes made in the tenant since the last apply)', function () {
  this.timeout(300_000);
  let h: Harness;
  let record: AppliedRecord;
  let groupId: string;
  before(async () => {
    h = await harness();
    const applied = await planAndApply(h.t, workspaceOf(FULL), h.sb.url);
    assert.ok(applied.report.converged, applied.report.notConverged.join('\n'));
    record = applied.record;
    groupId = (await planFor(h.t, workspaceOf(FULL), h.sb.url)).plan.groups[0].groupId!;
  });
  after(async () => {
    await h.close();
  });

  const memberPolicy = async () =>
    policiesOf((await h.t.get<{ value: GraphPolicyAssignment[] }>(paths.policyAssignments(groupId))).value).member!;

  it('reports nothing right after apply', async () => {
    assert.deepEqual(allOperations((await planFor(h.t, workspaceOf(FULL), h.sb.url, record)).plan), []);
  });

  // timeoutDays has one value the service accepts (approvers have 24 hours), so it has nothing to drift to.
  for (const field of POLICY_FIELDS.filter((f) => f.path !== 'activation.approval.timeoutDays')) {
    it(`reports ${field.path} edited in the tenant as drift, before → after`, async () => {
      const policy = await memberPolicy();
      const rule = policy.rules[field.ruleId];
      const original = field.get(rule);
      const alice = (
        await h.t.get<{ value: { id: string }[] }>(`/users?$filter=userPrincipalName eq 'alice@contoso.com'`)
      ).value[0].id;
      const edited = otherValue(field.kind, original, alice);
      await h.t.patch(
        paths.rule(policy.policyId, field.ruleId),
        applyChanges(rule, [{ field: field.path, after: edited }]),
      );
      try {
        const { plan } = await planFor(h.t, workspaceOf(FULL), h.sb.url, record);
        const ops = allOperations(plan) as UpdatePolicyRuleOp[];
        assert.equal(ops.length, 1, JSON.stringify(ops.map((o) => o.summary)));
        assert.deepEqual(
          ops[0].changes.map((c) => [c.field, c.drift]),
          [[field.path, true]],
        );
        assert.deepEqual(ops[0].changes[0].before, edited);
        assert.ok(ops[0].marks.includes('drift'));
      } finally {
        const fresh = await memberPolicy();
        await h.t.patch(
          paths.rule(fresh.policyId, field.ruleId),
          applyChanges(fresh.rules[field.ruleId], [{ field: field.path, after: original }]),
        );
      }
    });
  }

  it('reports the group description edited in the tenant as drift', async () => {
    await h.t.patch(`/groups/${groupId}`, { description: 'edited in the portal' });
    try {
      const ops = allOperations((await planFor(h.t, workspaceOf(FULL), h.sb.url, record)).plan);
      assert.deepEqual(
        ops.map((o) => [o.kind, o.marks]),
        [['updateGroup', ['drift']]],
      );
      assert.deepEqual(ops[0].kind === 'updateGroup' && ops[0].changes, [
        { field: 'description', before: 'edited in the portal', after: 'Every managed field can drift', drift: true },
      ]);
    } finally {
      await h.t.patch(`/groups/${groupId}`, { description: 'Every managed field can drift' });
    }
  });

  it('reports an assignment removed in the tenant, and one added there, as drift', async () => {
    const alice = (
      await h.t.get<{ value: { id: string }[] }>(`/users?$filter=userPrincipalName eq 'alice@contoso.com'`)
    ).value[0].id;
    const bob = (await h.t.get<{ value: { id: string }[] }>(`/users?$filter=userPrincipalName eq 'bob@contoso.com'`))
      .value[0].id;
    h.sb.clock.advance(10 * 60_000); // past PIM's 5-minute floor before a new assignment may be removed
    await h.t.post(paths.eligibilityRequests, {
      action: 'adminRemove',
      accessId: 'member',
      groupId,
      principalId: alice,
    });
    await h.t.post(paths.eligibilityRequests, {
      action: 'adminAssign',
      accessId: 'member',
      groupId,
      principalId: bob,
      scheduleInfo: { expiration: { type: 'afterDuration', duration: 'P5D' } },
    });
    const { plan } = await planFor(h.t, workspaceOf(FULL), h.sb.url, record);
    const ops = allOperations(plan);
    assert.deepEqual(
      ops.map((o) => [o.kind, o.marks]),
      [
        ['addAssignment', ['drift']],
        ['removeAssignment', ['removal', 'drift']],
      ],
    );
  });
});
