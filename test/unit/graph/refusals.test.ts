import * as assert from 'node:assert/strict';
import { failedPolicyRules } from '../../../src/graph/policyRuleFailures';
import { GraphRequestError, parseErrorBody } from '../../../src/graph/errors';

describe('refusals the service sends, read into what a person can act on', () => {
  it('reads the failed policy rules in the 2021–2024 format', () => {
    assert.deepEqual(failedPolicyRules('The following policy rules failed: ["MfaRule"]'), ['MfaRule']);
    assert.deepEqual(
      failedPolicyRules(
        'POST /x failed (400 X): The following policy rules failed: ["ExpirationRule","JustificationRule"] [request-id 1]',
      ),
      ['ExpirationRule', 'JustificationRule'],
    );
  });

  it('reads the failed policy rules in the 2025–2026 format, descriptions and all', () => {
    assert.deepEqual(
      failedPolicyRules(
        'The following policy rules failed: ExpirationRule - The duration in the request is greater than maximum allowed duration',
      ),
      ['ExpirationRule'],
    );
    assert.deepEqual(
      failedPolicyRules(
        'The following policy rules failed: MfaRule - Multi-factor authentication is required, JustificationRule - Justification is required, TicketingRule - Ticket information is required',
      ),
      ['MfaRule', 'JustificationRule', 'TicketingRule'],
    );
    assert.deepEqual(
      failedPolicyRules(
        'The following policy rules failed: ExpirationRule - The policy does not allow permanent assignment [request-id 2]',
      ),
      ['ExpirationRule'],
    );
    assert.deepEqual(failedPolicyRules('The Role assignment already exists.'), []);
  });

  it("unwraps the PIM backend's JSON-in-a-string message into its real code", () => {
    const body = {
      error: {
        code: 'UnknownError',
        message:
          '{"errorCode":"PermissionScopeNotGranted","message":"Authorization failed due to missing permission scope PrivilegedEligibilitySchedule.ReadWrite.AzureADGroup,PrivilegedEligibilitySchedule.Remove.AzureADGroup.","instanceAnnotations":[]}',
      },
    };
    const parsed = parseErrorBody(body);
    assert.equal(parsed.code, 'PermissionScopeNotGranted');
    assert.match(parsed.message!, /^Authorization failed due to missing permission scope/);
    assert.deepEqual(
      parseErrorBody({
        error: {
          code: 'UnknownError',
          message: '{"message":"No HTTP resource was found that matches the request URI \'x\'."}',
        },
      }),
      {
        code: 'UnknownError',
        message: "No HTTP resource was found that matches the request URI 'x'.",
        requestId: undefined,
      },
    );
    assert.equal(parseErrorBody({ error: { code: 'UnknownError', message: '{not json' } }).message, '{not json');
  });

  it('turns a missing scope into one sentence naming the scope and the docs section', () => {
    const e = new GraphRequestError({
      method: 'POST',
      path: '/x',
      status: 403,
      code: 'PermissionScopeNotGranted',
      message: 'Authorization failed due to missing permission scope A.ReadWrite,B.ReadWrite.',
    });
    assert.match(
      e.message,
      /the token lacks the permission A\.ReadWrite or B\.ReadWrite: add it to the app registration .* see docs\/permissions\.md, "Scopes"/,
    );
  });

  it('turns a directory-role refusal into one sentence naming the roles and the docs section', () => {
    const e = new GraphRequestError({
      method: 'PATCH',
      path: '/groups/1',
      status: 403,
      code: 'Authorization_RequestDenied',
      message: 'Insufficient privileges to complete the operation.',
    });
    assert.match(e.message, /not the directory role .*Privileged Role Administrator.*docs\/permissions\.md/);
  });

  it('names what a refused read lacks, in a few words, on the error itself (views show it in place of the part)', () => {
    const pim = parseErrorBody({
      error: {
        code: 'UnknownError',
        message: JSON.stringify({
          errorCode: 'PermissionScopeNotGranted',
          message:
            'Authorization failed due to missing permission scope RoleManagementPolicy.Read.AzureADGroup,RoleManagementPolicy.ReadWrite.AzureADGroup.',
        }),
      },
    });
    const refused = new GraphRequestError({
      method: 'GET',
      path: '/policies/x',
      status: 403,
      ...pim,
      message: pim.message!,
    });
    assert.equal(
      refused.missing,
      'RoleManagementPolicy.Read.AzureADGroup or RoleManagementPolicy.ReadWrite.AzureADGroup',
    );
    const rbac = (method: string) =>
      new GraphRequestError({ method, path: '/x', status: 403, code: 'UnauthorizedAccessException', message: 'no' })
        .missing;
    assert.match(rbac('GET')!, /^a directory role that reads PIM settings .+ or ownership of the group$/);
    assert.match(rbac('POST')!, /Privileged Role Administrator/);
  });

  it('names nothing for a failure that is not a missing permission (retrying or fixing the input may help)', () => {
    for (const [status, code] of [
      [400, 'RoleAssignmentRequestPolicyValidationFailed'],
      [404, 'Request_ResourceNotFound'],
      [503, 'ServiceUnavailable'],
      [403, 'SomethingElse'],
    ] as const)
      assert.equal(
        new GraphRequestError({ method: 'GET', path: '/x', status, code, message: 'm' }).missing,
        undefined,
        code,
      );
  });
});
