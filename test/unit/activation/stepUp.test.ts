import * as assert from 'node:assert/strict';
import { claimsInMessage, stepUpNeeded } from '../../../src/activation/stepUp';
import type { ActivationRequirements } from '../../../src/tenant/activationRequirements';

const policy = { authenticationContext: 'c1' } as ActivationRequirements;
const ACRS_C1 = '{"access_token":{"acrs":{"essential":true,"value":"c1"}}}';

describe('activation: which step-up a refusal asks for', () => {
  it("asks for the policy's authentication context in acrs when the refusal carries no claims", () => {
    const need = stepUpNeeded(
      'RoleAssignmentRequestAcrsValidationFailed',
      'The following policy rules failed: ["AcrsRule"]',
      policy,
    );
    assert.deepEqual(need, { reason: 'authenticationContext', context: 'c1', claims: ACRS_C1 });
  });

  it('prefers the claims the service sent, URL-encoded or raw', () => {
    const encoded = `AcrsRule failed. &claims=${encodeURIComponent('{"access_token":{"acrs":{"essential":true,"value":"c7"}}}')}`;
    assert.equal(
      stepUpNeeded('UnknownError', `RoleAssignmentRequestAcrsValidationFailed ${encoded}`, policy)?.context,
      'c7',
    );
    assert.equal(claimsInMessage(`x claims=${ACRS_C1}`), ACRS_C1);
  });

  it('asks for MFA on an MfaRule refusal, in either format', () => {
    for (const m of [
      'The following policy rules failed: ["MfaRule"]',
      'The following policy rules failed: MfaRule - Multi-factor authentication is required',
    ])
      assert.equal(stepUpNeeded('RoleAssignmentRequestPolicyValidationFailed', m, undefined)?.reason, 'mfa');
  });

  it('asks for nothing when a sign-in would not change the answer', () => {
    assert.equal(
      stepUpNeeded(
        'RoleAssignmentRequestPolicyValidationFailed',
        'The following policy rules failed: JustificationRule - Justification is required',
        policy,
      ),
      undefined,
    );
    assert.equal(stepUpNeeded('RoleAssignmentExists', 'The Role assignment already exists.', policy), undefined);
  });

  it('cannot build a claims request when the context is unknown', () => {
    assert.deepEqual(stepUpNeeded('RoleAssignmentRequestAcrsValidationFailed', 'failed', undefined), {
      reason: 'authenticationContext',
      context: undefined,
      claims: undefined,
    });
  });
});
