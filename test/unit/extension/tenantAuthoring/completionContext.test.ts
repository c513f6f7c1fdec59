import * as assert from 'node:assert';
import { completionContextAt } from '../../../../src/extension/tenantAuthoring/completionContext';

/** The context at the `|` of a document. */
function at(doc: string) {
  const lines = doc.split('\n');
  const line = lines.findIndex((l) => l.includes('|'));
  const character = lines[line].indexOf('|');
  lines[line] = lines[line].replace('|', '');
  return completionContextAt(lines, line, character);
}

const GROUP = `apiVersion: pim-groups/v1
kind: PimGroup
metadata:
  name: helpdesk
`;

describe('what tenant object the cursor is naming', () => {
  it('an eligible assignment principal, with the value start after the key', () => {
    const doc = `${GROUP}assignments:\n  eligible:\n    - principal: user:al|\n`;
    assert.deepStrictEqual(at(doc), { field: 'principal', prefix: 'user:al', start: 17 });
  });

  it('the principal of a later key in a list item, below other keys of the item before', () => {
    const doc = `${GROUP}assignments:\n  active:\n    - role: member\n      principal: "group:Help|"\n`;
    assert.deepStrictEqual(at(doc), { field: 'principal', prefix: 'group:Help', start: 18 });
  });

  it("a protected principal of the workspace's Settings, as a block item or in a flow list", () => {
    const settings = 'apiVersion: pim-groups/v1\nkind: Settings\n';
    assert.deepStrictEqual(at(`${settings}protectedPrincipals:\n  - user:br|\n`), {
      field: 'principal',
      prefix: 'user:br',
      start: 4,
    });
    assert.equal(at(`${settings}protectedPrincipals: [ user:a@contoso.com, sp:|`)?.field, 'principal');
  });

  it('an approver as a block item, including a bare `user:` just typed', () => {
    const doc = `${GROUP}policies:\n  member:\n    activation:\n      approval:\n        approvers:\n          - user:|\n`;
    assert.deepStrictEqual(at(doc), { field: 'principal', prefix: 'user:', start: 12 });
  });

  it('an approver inside a flow list: only the entry being typed', () => {
    const doc = `${GROUP}policies:\n  owner:\n    activation:\n      approval:\n        approvers: [ user:lead@contoso.com, group:Sec|`;
    const ctx = at(doc);
    assert.strictEqual(ctx?.field, 'principal');
    assert.strictEqual(ctx?.prefix, 'group:Sec');
  });

  it('binding names: Intune role and scope tag, SKU, Conditional Access policy', () => {
    assert.strictEqual(at(`${GROUP}bindings:\n  intuneRoles:\n    - role: Help|\n`)?.field, 'intuneRole');
    assert.strictEqual(
      at(`${GROUP}bindings:\n  intuneRoles:\n    - role: X\n      scopeTags: [ Def|`)?.field,
      'scopeTag',
    );
    assert.strictEqual(at(`${GROUP}bindings:\n  licenses:\n    - sku: ENTERPRISE|\n`)?.field, 'sku');
    assert.strictEqual(
      at(`${GROUP}bindings:\n  conditionalAccess:\n    excludeFrom:\n      - Block legacy|\n`)?.field,
      'caPolicy',
    );
  });

  it("an Azure role carries its item's scope, written before or after it", () => {
    const before = at(`${GROUP}bindings:\n  azureRoles:\n    - scope: /subscriptions/abc\n      role: Read|\n`);
    assert.deepStrictEqual(before, { field: 'azureRole', prefix: 'Read', start: 12, scope: '/subscriptions/abc' });
    const after = at(
      `${GROUP}bindings:\n  azureRoles:\n    - role: |\n      scope: /subscriptions/def\n    - scope: /x\n`,
    );
    assert.strictEqual(after?.scope, '/subscriptions/def');
    assert.strictEqual(at(`${GROUP}bindings:\n  azureRoles:\n    - scope: /sub|\n`)?.field, 'azureScope');
  });

  it('nothing for keys that name no tenant object, comments, or a `role:` outside bindings', () => {
    assert.strictEqual(at(`${GROUP}assignments:\n  eligible:\n    - role: mem|\n`), undefined);
    assert.strictEqual(at(`${GROUP}group:\n  displayName: Help|\n`), undefined);
    assert.strictEqual(at(`${GROUP}assignments:\n  eligible:\n    - principal: user:a # note|\n`), undefined);
  });

  it('nothing inside a block scalar: text that looks like an assignment there is prose (read as schema completion does)', () => {
    const doc = `${GROUP}group:\n  description: >\n    assignments:\n      eligible:\n        - principal: user:al|\n`;
    assert.strictEqual(at(doc), undefined);
  });
});
