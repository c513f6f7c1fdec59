import * as assert from 'node:assert/strict';
import { POLICY_FIELDS, FIELD_BY_PATH } from '../../../src/tenant/policyFields';
import { defaultPolicyRules, rulesById } from '../../../src/plan/defaultPolicy';
import { applyChanges } from '../../../src/plan/planPolicy';

describe('policy fields ↔ the 17 PIM rules', () => {
  it('maps the YAML fields to the rule ids DEFINITIONS.md annotates', () => {
    const rule = (path: string) => FIELD_BY_PATH.get(path)!.ruleId;
    assert.equal(rule('activation.maxDuration'), 'Expiration_EndUser_Assignment');
    assert.equal(rule('activation.requireMfa'), 'Enablement_EndUser_Assignment');
    assert.equal(rule('activation.requireTicket'), 'Enablement_EndUser_Assignment');
    assert.equal(rule('activation.authenticationContext'), 'AuthenticationContext_EndUser_Assignment');
    assert.equal(rule('activation.approval.approvers'), 'Approval_EndUser_Assignment');
    assert.equal(rule('eligibility.allowPermanent'), 'Expiration_Admin_Eligibility');
    assert.equal(rule('assignment.maxDuration'), 'Expiration_Admin_Assignment');
    assert.equal(rule('assignment.requireJustification'), 'Enablement_Admin_Assignment');
    assert.equal(
      rule('notifications.eligibleAssigned.admin.additionalRecipients'),
      'Notification_Admin_Admin_Eligibility',
    );
    assert.equal(rule('notifications.activeAssigned.assignee.criticalOnly'), 'Notification_Requestor_Admin_Assignment');
    assert.equal(
      rule('notifications.activated.approver.defaultRecipients'),
      'Notification_Approver_EndUser_Assignment',
    );
  });

  it('covers 16 of the 17 rules; Enablement_Admin_Eligibility has nothing the language can say', () => {
    const used = new Set(POLICY_FIELDS.map((f) => f.ruleId));
    const all = defaultPolicyRules().map((r) => r.id);
    assert.equal(all.length, 17);
    assert.deepEqual(
      all.filter((id) => !used.has(id)),
      ['Enablement_Admin_Eligibility'],
    );
  });

  it('reads back every value it writes, keeping the rule type and target', () => {
    const rules = rulesById(defaultPolicyRules());
    const values: Record<string, unknown> = {
      boolean: true,
      duration: 'PT2H',
      string: 'c1',
      number: 3,
      ids: ['group:g1', 'user:u1'],
      emails: ['a@contoso.com'],
    };
    for (const f of POLICY_FIELDS) {
      const next = applyChanges(rules[f.ruleId], [{ field: f.path, after: values[f.kind] }]);
      assert.deepEqual(f.get(next), values[f.kind], f.path);
      assert.equal(next['@odata.type'], rules[f.ruleId]['@odata.type']);
      assert.deepEqual(next.target, rules[f.ruleId].target);
    }
  });

  it('writes approvers in the singleUser / groupMembers shapes', () => {
    const rules = rulesById(defaultPolicyRules());
    const next = applyChanges(rules.Approval_EndUser_Assignment, [
      { field: 'activation.approval.required', after: true },
      { field: 'activation.approval.approvers', after: ['user:u1', 'group:g1'] },
    ]);
    const stage = next.setting as { approvalStages: { primaryApprovers: unknown[] }[]; isApprovalRequired: boolean };
    assert.equal(stage.isApprovalRequired, true);
    assert.deepEqual(stage.approvalStages[0].primaryApprovers, [
      { '@odata.type': '#microsoft.graph.singleUser', isBackup: false, userId: 'u1' },
      { '@odata.type': '#microsoft.graph.groupMembers', isBackup: false, groupId: 'g1' },
    ]);
  });
});
