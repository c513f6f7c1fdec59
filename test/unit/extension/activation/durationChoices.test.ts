import * as assert from 'assert';
import { durationChoices, shorterThan } from '../../../../src/extension/activation/durationChoices';
import { failedRules, refusalSentence } from '../../../../src/extension/common/pimRefusal';

describe('extension: activation durations and refusals', () => {
  it('offers 30-minute steps up to the policy maximum, the last one marked as the maximum', () => {
    const choices = durationChoices('PT4H');
    assert.deepStrictEqual(
      choices.map((c) => c.duration),
      ['PT30M', 'PT1H', 'PT1H30M', 'PT2H', 'PT2H30M', 'PT3H', 'PT3H30M', 'PT4H'],
    );
    assert.deepStrictEqual(choices.map((c) => c.label).slice(0, 3), ['30 minutes', '1 hour', '1 hour 30 minutes']);
    assert.deepStrictEqual(
      choices.filter((c) => c.isMaximum).map((c) => c.duration),
      ['PT4H'],
    );
  });

  it('offers a maximum that is not a 30-minute step as itself, and never more than 24 hours', () => {
    assert.deepStrictEqual(
      durationChoices('PT45M').map((c) => c.duration),
      ['PT30M', 'PT45M'],
    );
    const day = durationChoices('P2D');
    assert.strictEqual(day.length, 48, 'never beyond 24 hours');
    assert.deepStrictEqual(day.at(-1), { label: '24 hours', duration: 'PT24H', minutes: 1440, isMaximum: true });
  });

  it('offers common durations shortest first when the maximum is unknown, none of them called the maximum', () => {
    const unknown = durationChoices(undefined);
    assert.deepStrictEqual(
      unknown.map((c) => c.label),
      ['30 minutes', '1 hour', '2 hours', '4 hours', '8 hours', '12 hours', '24 hours'],
    );
    assert.deepStrictEqual(
      unknown.filter((c) => c.isMaximum),
      [],
    );
    assert.deepStrictEqual(
      shorterThan('PT8H').map((c) => c.duration),
      ['PT30M', 'PT1H', 'PT2H', 'PT4H'],
    );
  });

  it("reads the failed rule names of PIM's policy refusal", () => {
    const error = new Error(
      'This group requires a justification to activate. (POST /v1.0/... failed (400 RoleAssignmentRequestPolicyValidationFailed): The following policy rules failed: ["ExpirationRule","JustificationRule"] [request-id x])',
    );
    assert.deepStrictEqual([...failedRules(error)], ['ExpirationRule', 'JustificationRule']);
    assert.deepStrictEqual([...failedRules(new Error('ActiveDurationTooShort'))], []);
  });

  it('says a refusal in one sentence with the fix, without status, code or request id', () => {
    const rules = new Error(
      'POST /v1.0/x failed (400 RoleAssignmentRequestPolicyValidationFailed): The following policy rules failed: ["ExpirationRule"] [request-id 42]',
    );
    assert.strictEqual(
      refusalSentence('activate PIM-X (Member)', rules),
      'PIM refused to activate PIM-X (Member): the duration is longer than the policy allows (choose a shorter one).',
    );
    const exists = Object.assign(
      new Error('400 RoleAssignmentExists: The Role assignment already exists. [request-id 7]'),
      { code: 'RoleAssignmentExists' },
    );
    assert.strictEqual(
      refusalSentence('activate PIM-X (Member)', exists),
      'PIM refused to activate PIM-X (Member): it is already active; refresh My Access.',
    );
    assert.doesNotMatch(
      refusalSentence('activate PIM-X', new Error('400 Weird: odd thing [request-id 9]')),
      /request-id|400/,
    );
  });
});
