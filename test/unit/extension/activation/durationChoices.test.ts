import * as assert from 'assert';
import { durationChoices } from '../../../../src/extension/activation/durationChoices';
import { failedRules } from '../../../../src/extension/activation/policyRefusal';

describe('extension: activation durations and refusals', () => {
  it('offers 30-minute steps up to the policy maximum, the last one marked as the maximum', () => {
    const choices = durationChoices('PT4H');
    assert.deepStrictEqual(choices.map((c) => c.duration), ['PT30M', 'PT1H', 'PT1H30M', 'PT2H', 'PT2H30M', 'PT3H', 'PT3H30M', 'PT4H']);
    assert.deepStrictEqual(choices.map((c) => c.label).slice(0, 3), ['30 minutes', '1 hour', '1 hour 30 minutes']);
    assert.deepStrictEqual(choices.filter((c) => c.isMaximum).map((c) => c.duration), ['PT4H']);
  });

  it("offers a maximum that is not a 30-minute step as itself, and PIM's 24 hours without a known maximum", () => {
    assert.deepStrictEqual(durationChoices('PT45M').map((c) => c.duration), ['PT30M', 'PT45M']);
    const unknown = durationChoices(undefined);
    assert.strictEqual(unknown.length, 48);
    assert.strictEqual(unknown[unknown.length - 1].duration, 'PT24H');
    assert.strictEqual(durationChoices('P2D').length, 48, 'never beyond 24 hours');
  });

  it("reads the failed rule names of PIM's policy refusal", () => {
    const error = new Error('This group requires a justification to activate. (POST /v1.0/... failed (400 RoleAssignmentRequestPolicyValidationFailed): The following policy rules failed: ["ExpirationRule","JustificationRule"] [request-id x])');
    assert.deepStrictEqual([...failedRules(error)], ['ExpirationRule', 'JustificationRule']);
    assert.deepStrictEqual([...failedRules(new Error('ActiveDurationTooShort'))], []);
  });
});
