import * as assert from 'assert';
import { policySummary } from '../../../../src/extension/common/policySummary';
import { activationRequirements } from '../../../../src/tenant/activationRequirements';

/** The engine's reading of the rules (one type for CLI and extension), worded by the extension. */
const policyFacts = (rules: Record<string, Record<string, unknown>>) => activationRequirements(rules as never);

const rules = (over: Record<string, Record<string, unknown>> = {}) => ({
  Expiration_EndUser_Assignment: { id: 'Expiration_EndUser_Assignment', maximumDuration: 'PT8H' },
  Enablement_EndUser_Assignment: {
    id: 'Enablement_EndUser_Assignment',
    enabledRules: ['MultiFactorAuthentication', 'Justification'],
  },
  Approval_EndUser_Assignment: {
    id: 'Approval_EndUser_Assignment',
    setting: {
      isApprovalRequired: true,
      approvalStages: [{ primaryApprovers: [{ '@odata.type': '#microsoft.graph.singleUser', userId: 'u-lee' }] }],
    },
  },
  ...over,
});

describe("extension: policy summary in words (from the engine's activation requirements)", () => {
  it('reads the activation rules of a group role as one line', () => {
    assert.strictEqual(
      policySummary(policyFacts(rules()), (id) => (id === 'u-lee' ? 'Lee Gu' : undefined)),
      'Activation up to 8 hours · MFA · justification · approval by Lee Gu',
    );
  });

  it('names an approver it cannot resolve by id, and a ticket and an authentication context when required', () => {
    const facts = policyFacts(
      rules({
        Enablement_EndUser_Assignment: { enabledRules: ['Ticketing'] },
        AuthenticationContext_EndUser_Assignment: { isEnabled: true, claimValue: 'c1' },
      }),
    );
    assert.strictEqual(
      policySummary(facts, () => undefined),
      'Activation up to 8 hours · authentication context c1 · ticket · approval by u-lee',
    );
  });

  it('says "approval" alone, never a list of object ids, when the caller has no names at hand (the activation quick pick)', () => {
    assert.strictEqual(
      policySummary(policyFacts(rules())),
      'Activation up to 8 hours · MFA · justification · approval',
    );
  });

  it('ignores a disabled authentication context and says when nothing extra is asked', () => {
    const facts = policyFacts({
      Expiration_EndUser_Assignment: { maximumDuration: 'PT1H30M' },
      Enablement_EndUser_Assignment: { enabledRules: [] },
      AuthenticationContext_EndUser_Assignment: { isEnabled: false, claimValue: 'c1' },
      Approval_EndUser_Assignment: { setting: { isApprovalRequired: false } },
    });
    assert.strictEqual(policySummary(facts), 'Activation up to 1 hour 30 minutes · no extra checks');
  });
});
