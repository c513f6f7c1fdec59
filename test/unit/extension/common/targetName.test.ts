import * as assert from 'node:assert/strict';
import { readOrganization, TargetNames, targetName } from '../../../../src/extension/common/targetName';
import type { ConnectionInfo } from '../../../../src/extension/common/connection';
import { paths } from '../../../../src/graph/api/paths';

const tenant = (over: Partial<ConnectionInfo> = {}): ConnectionInfo => ({
  kind: 'tenant',
  label: 'contoso.onmicrosoft.com · lee@contoso.com',
  account: 'lee@contoso.com',
  tenant: 'contoso.onmicrosoft.com',
  graphBaseUrl: 'https://graph.microsoft.com',
  ...over,
});
const ORGANIZATION = {
  value: [
    {
      displayName: 'Contoso Ltd',
      verifiedDomains: [
        { name: 'contoso.onmicrosoft.com', isDefault: false },
        { name: 'contoso.com', isDefault: true },
      ],
    },
  ],
};

describe('the tenant a plan or an apply is for, in words', () => {
  it('is "Sandbox" for the sandbox, never its URL', () => {
    const name = targetName({ kind: 'sandbox', account: 'admin@contoso.com', tenant: 'contoso.com' });
    assert.equal(name, 'Sandbox');
  });

  it("is the organization's name and its default domain when the organization can be read", async () => {
    const org = await readOrganization(async (path) => {
      assert.equal(path, '/organization?$select=displayName,verifiedDomains');
      return ORGANIZATION;
    }, paths.organization);
    assert.equal(targetName(tenant(), org), 'Contoso Ltd (contoso.com)');
  });

  it('falls back to the configured tenant, then to the account, when the organization cannot be read', async () => {
    const refused = await readOrganization(async () => {
      throw new Error('403 Authorization_RequestDenied');
    }, paths.organization);
    assert.equal(refused, undefined);
    assert.equal(targetName(tenant(), refused), 'tenant contoso.onmicrosoft.com');
    assert.equal(targetName(tenant({ tenant: 'organizations' })), 'the tenant of lee@contoso.com');
  });

  it('reads the organization once per connection', async () => {
    let reads = 0;
    const names = new TargetNames();
    const info = tenant();
    const graph = async () => ({
      get: async () => {
        reads++;
        return ORGANIZATION;
      },
    });
    assert.equal(await names.nameOf(info, graph), 'Contoso Ltd (contoso.com)');
    assert.equal(await names.nameOf(info, graph), 'Contoso Ltd (contoso.com)');
    assert.equal(reads, 1);
    assert.equal(
      await names.nameOf(tenant({ tenant: 'fabrikam.com' }), async () => Promise.reject(new Error('x'))),
      'tenant fabrikam.com',
    );
  });
});
