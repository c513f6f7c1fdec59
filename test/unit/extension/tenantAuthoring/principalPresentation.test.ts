import * as assert from 'node:assert';
import { principalHoverMarkdown } from '../../../../src/extension/tenantAuthoring/principalHover';
import { principalItem, splitReference } from '../../../../src/extension/tenantAuthoring/principalItems';

describe('principal completion items and hovers', () => {
  it('splits a half-typed reference only once its prefix is a known one', () => {
    assert.deepStrictEqual(splitReference('user:al'), { kind: 'user', text: 'al' });
    assert.deepStrictEqual(splitReference('sp:'), { kind: 'sp', text: '' });
    assert.strictEqual(splitReference('us'), undefined);
    assert.strictEqual(splitReference('servicePrincipal:x'), undefined);
  });

  it('inserts the reference a definition writes, and filters on the display name when that is what matched', () => {
    const lee = { kind: 'user' as const, id: '1', value: 'lead@contoso.com', displayName: 'Lee Gu', guest: false };
    assert.deepStrictEqual(principalItem(lee, 'le'), {
      label: 'user:lead@contoso.com',
      insert: 'user:lead@contoso.com',
      detail: 'Lee Gu · member',
      filterText: 'user:lead@contoso.com',
    });
    assert.strictEqual(principalItem(lee, 'Lee G').filterText, 'user:Lee Gu');
    const off = principalItem({ ...lee, guest: true, accountEnabled: false }, 'le');
    assert.strictEqual(off.detail, 'Lee Gu · guest · disabled');
  });

  it('hovers say who it is, with tenant text escaped for Markdown', () => {
    const md = principalHoverMarkdown('user:x@contoso.com', {
      state: 'found',
      id: 'id-1',
      kind: 'user',
      displayName: 'Eve [click](https://evil)',
      accountEnabled: true,
      guest: true,
    });
    assert.match(md, /^\*\*Eve \\\[click\\\]\(https:\/\/evil\)\*\*/);
    assert.match(md, /guest user · account enabled · id `id-1`/);
    assert.match(principalHoverMarkdown('user:n@contoso.com', { state: 'unknown' }), /nothing in the tenant/);
  });

  it("the completion list's details pane says the same without the object id", () => {
    const guest = {
      state: 'found',
      id: 'id-1',
      kind: 'user',
      displayName: 'Erin',
      accountEnabled: true,
      guest: true,
    } as const;
    const md = principalHoverMarkdown('user:erin@x', guest, { withId: false });
    assert.equal(md, '**Erin**\n\nguest user · account enabled');
  });
});
