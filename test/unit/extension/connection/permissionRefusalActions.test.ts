import * as assert from 'node:assert/strict';
import {
  CHECK_READINESS,
  explainPermissionRefusal,
} from '../../../../src/extension/connection/permissionRefusalActions';

describe('extension: a command refused for want of a permission', () => {
  it('names what to grant and offers Check Tenant Readiness, not Retry, and no status code or request id', async () => {
    const refusal = Object.assign(new Error('GET /policies failed (403 PermissionScopeNotGranted): … [request-id 1]'), {
      missing: 'RoleManagementPolicy.Read.AzureADGroup',
    });
    const ran: string[] = [];
    const explained = explainPermissionRefusal(refusal, (c) => ran.push(c));
    assert.ok(explained);
    assert.match(explained.sentence, /needs RoleManagementPolicy\.Read\.AzureADGroup \(see Permissions\)/);
    assert.doesNotMatch(explained.sentence, /403|request-id/);
    assert.deepEqual(
      explained.actions.map((a) => a.title),
      [CHECK_READINESS],
    );
    await explained.actions[0].run();
    assert.deepEqual(ran, ['pimGroups.checkReadiness']);
  });

  it('leaves any other failure to the next explainer', () => {
    assert.equal(
      explainPermissionRefusal(new Error('GET /x failed (503)'), () => undefined),
      undefined,
    );
  });
});
