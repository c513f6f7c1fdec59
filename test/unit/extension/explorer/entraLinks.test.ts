import * as assert from 'assert';
import { entraGroupUrl } from '../../../../src/extension/explorer/entraLinks';

describe('extension: Entra admin center links', () => {
  it("opens the group's overview blade in the admin center of the tenant's cloud", () => {
    const id = '4656d7fe-93f0-4277-ab1f-f4817d3f8cf6';
    assert.strictEqual(
      entraGroupUrl(id, 'global'),
      `https://entra.microsoft.com/#view/Microsoft_AAD_IAM/GroupDetailsMenuBlade/~/Overview/groupId/${id}`,
    );
    assert.match(entraGroupUrl(id, 'usgov'), /^https:\/\/entra\.microsoft\.us\//);
    assert.match(entraGroupUrl(id, 'china'), /^https:\/\/entra\.microsoftonline\.cn\//);
    assert.match(entraGroupUrl(id, 'unknown'), /^https:\/\/entra\.microsoft\.com\//);
  });
});
