import * as assert from 'node:assert/strict';
import { searchPath, searchPrincipals, SEARCH_TOP } from '../../../src/tenant/directorySearch';
import { resolveDirectory } from '../../../src/tenant/resolveDirectory';
import { readBindingCatalog } from '../../../src/bindings/catalog';
import { listAzureScopes } from '../../../src/bindings/azureScopes';
import { harness, Harness } from '../harness/harness';

describe('directory lookups for tenant-aware completion (sandbox, seed demo)', function () {
  this.timeout(60_000);
  let h: Harness;
  before(async () => {
    h = await harness();
  });
  after(async () => {
    await h.close();
  });

  it('finds users by UPN or display-name prefix, case-insensitively, with enabled and guest facts', async () => {
    const byUpn = await searchPrincipals(h.t, 'user', 'al');
    assert.equal(byUpn.complete, true);
    assert.deepEqual(
      byUpn.hits.map((u) => [u.value, u.displayName, u.accountEnabled, u.guest]),
      [['alice@contoso.com', 'Alice Ward', true, false]],
    );
    const byName = await searchPrincipals(h.t, 'user', 'LEE');
    assert.deepEqual(
      byName.hits.map((u) => u.value),
      ['lead@contoso.com'],
    );
    const guest = await searchPrincipals(h.t, 'user', 'erin');
    assert.equal(guest.hits[0]?.guest, true);
  });

  it('finds groups by name and says when a page does not hold every match', async () => {
    const groups = await searchPrincipals(h.t, 'group', 'PIM-');
    assert.ok(groups.hits.some((g) => g.value === 'PIM-Intune-Helpdesk'));
    assert.ok(groups.hits.every((g) => g.kind === 'group' && g.value.startsWith('PIM-')));
    const page = await h.t.get<{ '@odata.nextLink'?: string; value: unknown[] }>(searchPath('user', '', 2));
    assert.equal(page.value.length, 2);
    assert.ok(page['@odata.nextLink'], 'a full page links to the next');
    assert.ok(SEARCH_TOP >= 10);
  });

  it('is a default directory query: no ConsistencyLevel header, and quotes in the prefix are OData-escaped', async () => {
    h.logs.length = 0;
    assert.deepEqual((await searchPrincipals(h.t, 'user', "o'brien")).hits, []);
    assert.ok(h.logs.some((e) => e.status === 200 && /users/.test(e.path ?? '')));
  });

  it('the resolver the plan uses now reports whether a user is enabled and a guest', async () => {
    const found = await resolveDirectory(h.t, {
      groupIds: [],
      groupNames: [],
      principalRefs: ['user:alice@contoso.com', 'user:erin_fabrikam.com#EXT#@contoso.com'],
      ids: [],
    });
    const alice = found.principals['user:alice@contoso.com'];
    assert.equal(alice.state, 'found');
    assert.equal(alice.state === 'found' && alice.principal.accountEnabled, true);
    const erin = found.principals['user:erin_fabrikam.com#ext#@contoso.com'];
    assert.equal(erin.state === 'found' && erin.principal.guest, true);
  });

  it('reads the bindings catalogue without any group: Intune roles, scope tags, SKUs, CA policies, Azure roles', async () => {
    const scopes = await listAzureScopes(h.t);
    assert.ok(scopes?.some((s) => /\/resourceGroups\/rg-payments$/.test(s.scope)));
    const sub = scopes!.find((s) => !s.scope.includes('resourceGroups'))!.scope;
    const c = await readBindingCatalog(h.t, ['intuneRole', 'license', 'conditionalAccess', 'azureRole'], [sub]);
    assert.deepEqual(c.errors, {});
    assert.ok(c.intuneRoles.some((r) => r.displayName === 'Help Desk Operator'));
    assert.ok(c.scopeTags.some((t) => t.displayName === 'Default'));
    assert.ok(c.skus.length > 0 && c.caPolicies.length > 0);
    assert.ok(Object.values(c.azureRoles)[0]?.some((r) => r.roleName === 'Reader'));
  });
});
