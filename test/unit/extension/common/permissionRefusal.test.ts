import * as assert from 'node:assert/strict';
import { cannotRead, missingGrantOf } from '../../../../src/extension/common/permissionRefusal';

describe('extension: a permission refusal as views say it', () => {
  it("reads what is missing from the engine's error as data (the error comes from the other bundle)", () => {
    assert.equal(missingGrantOf({ message: 'x', missing: 'Policy.Read.All' }), 'Policy.Read.All');
    assert.equal(missingGrantOf(new Error('GET /x failed (503)')), undefined);
    assert.equal(missingGrantOf({ missing: '' }), undefined);
    assert.equal(missingGrantOf('a string'), undefined);
  });

  it('says what cannot be read and what to grant, pointing at Permissions, without a status code', () => {
    assert.deepEqual(cannotRead('the member policy', 'RoleManagementPolicy.Read.AzureADGroup'), {
      label: 'Cannot read the member policy',
      description: 'needs RoleManagementPolicy.Read.AzureADGroup (see Permissions)',
      sentence: 'Cannot read the member policy: needs RoleManagementPolicy.Read.AzureADGroup (see Permissions)',
    });
  });
});
