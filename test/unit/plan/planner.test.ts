import * as assert from 'node:assert/strict';
import { buildPlan, allOperations, Plan, fingerprintOf } from '../../../src/plan';
import type { AppliedRecord } from '../../../src/plan';
import type { UpdatePolicyRuleOp } from '../../../src/plan/model';
import { group, HEADER, id, NOW, policy, schedule, tenant, workspace } from './fixtures';
import { edit } from '../fixtureEdit';

const plan = (yaml: string, state = tenant(group()), lastApplied?: AppliedRecord): Plan =>
  buildPlan(workspace(yaml), state, { target: 'sandbox', now: NOW, lastApplied }).plan;
const kinds = (p: Plan) => allOperations(p).map((o) => o.kind);
const codes = (p: Plan) => p.issues.map((i) => i.code);

describe('planner', () => {
  it('creates, onboards, sets the policy and adds assignments for a group that does not exist', () => {
    const p = plan(
      `${HEADER}policies:
  member:
    activation: { maxDuration: PT2H, requireMfa: true }
assignments:
  eligible:
    - principal: user:alice@contoso.com
      duration: P90D
`,
      tenant('absent'),
    );
    assert.deepEqual(kinds(p), [
      'createGroup',
      'onboardGroup',
      'updatePolicyRule',
      'updatePolicyRule',
      'addAssignment',
    ]);
    const [create, onboard, rule1, , add] = allOperations(p);
    assert.deepEqual(onboard.dependsOn, [create.id]);
    assert.deepEqual(rule1.dependsOn, [create.id, onboard.id]);
    assert.ok(add.dependsOn.includes(rule1.id), 'assignments wait for the policy they must satisfy');
    assert.equal(p.summary.add, 2);
  });

  it('plans nothing when the tenant already matches', () => {
    const p = plan(
      `${HEADER}policies:
  member:
    activation: { maxDuration: PT8H, requireJustification: true }
assignments:
  eligible:
    - principal: user:alice@contoso.com
      duration: P30D
`,
      // Granted six days ago, so its end is beyond the 14 days in which the plan notes an ending (PIM222).
      tenant(
        group({
          schedules: [schedule('user:alice@contoso.com', 'eligible', { days: 30, start: '2026-11-20T00:00:00.000Z' })],
        }),
      ),
    );
    assert.deepEqual(allOperations(p), []);
    assert.deepEqual(p.issues, []);
  });

  it('changes a rule field by field with before and after, one operation per rule', () => {
    const p = plan(`${HEADER}policies:
  member:
    activation: { maxDuration: PT4H, requireMfa: true, requireTicket: true }
`);
    const ops = allOperations(p) as UpdatePolicyRuleOp[];
    assert.deepEqual(
      ops.map((o) => o.ruleId),
      ['Expiration_EndUser_Assignment', 'Enablement_EndUser_Assignment'],
    );
    assert.deepEqual(
      ops[0].changes.map((c) => [c.field, c.before, c.after]),
      [['activation.maxDuration', 'PT8H', 'PT4H']],
    );
    assert.deepEqual(
      ops[1].changes.map((c) => [c.field, c.before, c.after]),
      [
        ['activation.requireMfa', false, true],
        ['activation.requireTicket', false, true],
      ],
    );
    assert.deepEqual(
      ops.flatMap((o) => o.marks),
      [],
    );
  });

  it('marks turning MFA off, dropping approval and longer durations as weakening the policy', () => {
    const strict = policy((r) => {
      r.Enablement_EndUser_Assignment.enabledRules = ['MultiFactorAuthentication', 'Justification'];
      (r.Approval_EndUser_Assignment.setting as { isApprovalRequired: boolean }).isApprovalRequired = true;
    });
    const p = plan(
      `${HEADER}policies:
  member:
    activation: { maxDuration: PT12H, requireMfa: false, approval: null }
`,
      tenant(group({ policies: { member: strict, owner: policy() } })),
    );
    const changes = (allOperations(p) as UpdatePolicyRuleOp[]).flatMap((o) => o.changes);
    assert.deepEqual(
      changes
        .filter((c) => c.weakens)
        .map((c) => c.field)
        .sort(),
      ['activation.approval.required', 'activation.maxDuration', 'activation.requireMfa'],
    );
    assert.ok(allOperations(p).every((o) => o.marks.includes('weakens-policy')));
  });

  it('treats equal durations in different spellings as equal (P1D = PT24H)', () => {
    const p = plan(`${HEADER}policies:
  member:
    eligibility: { maxDuration: PT8760H }
`);
    assert.deepEqual(allOperations(p), []);
  });

  it('removes unlisted assignments of a listed role in authoritative mode and marks them', () => {
    const state = tenant(
      group({
        schedules: [schedule('user:alice@contoso.com', 'eligible'), schedule('user:bob@contoso.com', 'eligible')],
      }),
    );
    const p = plan(
      `${HEADER}assignments:
  eligible:
    - principal: user:alice@contoso.com
      duration: P30D
`,
      state,
    );
    const removals = allOperations(p).filter((o) => o.kind === 'removeAssignment');
    assert.equal(removals.length, 1);
    assert.equal(removals[0].kind === 'removeAssignment' && removals[0].principal.ref, 'user:bob@contoso.com');
    assert.deepEqual(removals[0].marks, ['removal']);
  });

  it('leaves unlisted assignments alone in additive mode', () => {
    const state = tenant(group({ schedules: [schedule('user:bob@contoso.com', 'eligible')] }));
    const p = plan(
      `${HEADER}assignments:
  mode: additive
  eligible:
    - principal: user:alice@contoso.com
      duration: P30D
`,
      state,
    );
    assert.deepEqual(kinds(p), ['addAssignment']);
  });

  it('never removes self-activations, inherited schedules or roles the file does not list', () => {
    const state = tenant(
      group({
        schedules: [
          schedule('user:bob@contoso.com', 'active', { assignmentType: 'Activated' }),
          schedule('user:lead@contoso.com', 'eligible', { memberType: 'Group' }),
          { ...schedule('user:bob@contoso.com', 'eligible'), role: 'owner' },
        ],
      }),
    );
    const p = plan(
      `${HEADER}assignments:
  eligible:
    - principal: user:alice@contoso.com
      duration: P30D
`,
      state,
    );
    assert.deepEqual(kinds(p), ['addAssignment']);
  });

  it('updates an assignment whose length differs, and extends one that expires within 14 days', () => {
    const long = plan(
      `${HEADER}assignments:
  eligible:
    - principal: user:alice@contoso.com
      duration: P90D
`,
      tenant(
        group({
          schedules: [schedule('user:alice@contoso.com', 'eligible', { start: '2026-11-20T00:00:00.000Z', days: 30 })],
        }),
      ),
    );
    const [u] = allOperations(long);
    assert.equal(u.kind === 'updateAssignment' && u.action, 'adminUpdate');
    const soon = plan(
      `${HEADER}assignments:
  eligible:
    - principal: user:alice@contoso.com
      until: 2027-03-01T00:00:00Z
`,
      tenant(
        group({ schedules: [schedule('user:alice@contoso.com', 'eligible', { end: '2026-12-01T00:00:00.000Z' })] }),
      ),
    );
    const [e] = allOperations(soon);
    assert.equal(e.kind === 'updateAssignment' && e.action, 'adminExtend');
  });

  it('updates the description it manages, and renames a group it pins by id', () => {
    const described = plan(`${HEADER}  description: JIT helpdesk\n`);
    assert.deepEqual(
      allOperations(described).map(
        (o) => o.kind === 'updateGroup' && o.changes.map((c) => [c.field, c.before, c.after]),
      ),
      [[['description', null, 'JIT helpdesk']]],
    );
    const pinned = edit(HEADER, [
      '  displayName: PIM-Helpdesk\n',
      '  displayName: PIM-Helpdesk-EU\n  id: 11111111-1111-4111-8111-111111111111\n',
    ]);
    const renamed = plan(pinned);
    assert.deepEqual(
      allOperations(renamed).map((o) => o.kind === 'updateGroup' && o.changes.map((c) => [c.field, c.before, c.after])),
      [[['displayName', 'PIM-Helpdesk', 'PIM-Helpdesk-EU']]],
    );
    assert.deepEqual(allOperations(plan(HEADER)), [], 'an unwritten description is not managed');
  });

  it('marks permanent access', () => {
    const p = plan(`${HEADER}policies:
  member:
    assignment: { allowPermanent: true }
assignments:
  active:
    - principal: group:Helpdesk Leads
      permanent: true
      justification: approvers stay members
`);
    const add = allOperations(p).find((o) => o.kind === 'addAssignment')!;
    assert.deepEqual(add.marks, ['permanent']);
  });

  it('refuses principals the tenant does not know before anything is written', () => {
    const p = plan(`${HEADER}assignments:
  eligible:
    - principal: user:nobody@contoso.com
      duration: P30D
`);
    assert.deepEqual(codes(p), ['PIM201']);
    assert.equal(p.summary.errors, 1);
  });

  it('refuses dynamic and on-premises-synced groups', () => {
    assert.deepEqual(codes(plan(HEADER, tenant(group({ dynamic: true })))), ['PIM203']);
    assert.deepEqual(codes(plan(HEADER, tenant(group({ synced: true })))), ['PIM204']);
  });

  it('refuses a permanent eligibility when the tenant policy requires expiry and the file does not manage it', () => {
    const yaml = `${HEADER}assignments:
  eligible:
    - principal: user:alice@contoso.com
      permanent: true
`;
    assert.deepEqual(codes(plan(yaml)), ['PIM207']);
    const allowed = `${HEADER}policies:
  member:
    eligibility: { allowPermanent: true }
${yaml.slice(HEADER.length)}`;
    assert.deepEqual(codes(plan(allowed)), []);
  });

  it('refuses an assignment longer than the tenant allows, and an active one without the justification it requires', () => {
    const p = plan(`${HEADER}assignments:
  active:
    - principal: user:alice@contoso.com
      duration: P200D
`);
    assert.deepEqual(codes(p).sort(), ['PIM208', 'PIM209']);
  });

  it('carries the definition line each item comes from', () => {
    const p = plan(`${HEADER}policies:
  member:
    activation:
      maxDuration: PT2H
assignments:
  eligible:
    - principal: user:alice@contoso.com
      duration: P30D
`);
    const [rule, add] = allOperations(p);
    assert.equal(rule.source?.file, 'groups/helpdesk.pim.yaml');
    assert.equal(rule.source?.range.start.line, 9, 'the maxDuration line');
    assert.equal(add.source?.range.start.line, 12, 'the list item');
  });

  it('reports a field changed in the tenant since the last apply as drift', () => {
    const yaml = `${HEADER}policies:
  member:
    activation: { maxDuration: PT2H }
assignments:
  eligible:
    - principal: user:alice@contoso.com
      duration: P30D
`;
    const applied = buildPlan(workspace(yaml), tenant('absent'), { target: 'sandbox', now: NOW });
    const record: AppliedRecord = { ...applied.record, appliedAt: NOW.toISOString() };
    const p = plan(yaml, tenant(group()), record);
    assert.ok(
      allOperations(p).every((o) => o.marks.includes('drift')),
      'policy and the missing assignment are both drift',
    );
    assert.equal(p.summary.drift, 2);
    const edited = plan(yaml.replace('PT2H', 'PT3H'), tenant(group()), record);
    assert.ok(
      !allOperations(edited)
        .find((o) => o.kind === 'updatePolicyRule')!
        .marks.includes('drift'),
      'a change in the file is not drift',
    );
  });

  it('fingerprints only what the plan depends on', () => {
    const yaml = `${HEADER}policies:
  member:
    activation: { maxDuration: PT4H }
`;
    const base = plan(yaml);
    const unmanagedEdit = tenant(
      group({
        policies: {
          member: policy((r) => {
            r.Enablement_EndUser_Assignment.enabledRules = ['MultiFactorAuthentication'];
          }),
          owner: policy(),
        },
      }),
    );
    assert.equal(fingerprintOf(base.basis, unmanagedEdit), base.fingerprint);
    const managedEdit = tenant(
      group({
        policies: {
          member: policy((r) => {
            r.Expiration_EndUser_Assignment.maximumDuration = 'PT3H';
          }),
          owner: policy(),
        },
      }),
    );
    assert.notEqual(fingerprintOf(base.basis, managedEdit), base.fingerprint);
    const extraAssignment = tenant(group({ schedules: [schedule('user:bob@contoso.com', 'eligible')] }));
    assert.equal(fingerprintOf(base.basis, extraAssignment), base.fingerprint, 'the file lists no assignments');
  });

  it('resolves approvers to ids and shows them by name', () => {
    const p = plan(`${HEADER}policies:
  member:
    activation:
      approval: { approvers: [ user:lead@contoso.com, group:Helpdesk Leads ] }
`);
    const op = allOperations(p)[0] as UpdatePolicyRuleOp;
    const approvers = op.changes.find((c) => c.field === 'activation.approval.approvers')!;
    assert.deepEqual(approvers.after, [`group:${id('group:Helpdesk Leads')}`, `user:${id('user:lead@contoso.com')}`]);
    assert.equal(approvers.display?.after, 'group:Helpdesk Leads, user:lead@contoso.com');
  });
});
