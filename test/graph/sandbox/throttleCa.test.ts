// Conditional Access: 1 request per second per tenant across callers, and 429s without Retry-After.
import * as assert from 'node:assert/strict';
import { withSandbox } from './harness';

describe('sandbox: Conditional Access allows 1 request per second per tenant (on by default, as the service)', () => {
  it('answers a second request within the second with 429 and no Retry-After, whoever calls', async () => {
    const { sb, admin } = await withSandbox();
    try {
      const first = await admin.get('/v1.0/identity/conditionalAccess/policies');
      assert.equal(first.status, 200);
      const other = await admin.as('secops@contoso.com').get('/v1.0/identity/conditionalAccess/policies');
      assert.equal(other.status, 429);
      assert.equal(other.headers.get('retry-after'), null);
      assert.equal((await admin.get('/v1.0/groups?$top=1')).status, 200, 'other resources are not limited');
      await new Promise((r) => setTimeout(r, 1050));
      assert.equal((await admin.get('/v1.0/identity/conditionalAccess/policies')).status, 200);
    } finally {
      await sb.close();
    }
  });
});
