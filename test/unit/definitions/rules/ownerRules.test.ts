import * as assert from 'node:assert/strict';
import { check, GROUP, none, only, rangeOf } from '../fixture';
import { edit } from '../../fixtureEdit';
import { loadWorkspace } from '../../../../src/definitions';

const withGroup = (lines: string) => edit(GROUP, ['displayName: PIM-Helpdesk', `displayName: PIM-Helpdesk\n${lines}`]);
const OWNED = withGroup('  owners:\n    - user:lead@contoso.com\n    - sp:0d6a4f3e-1b2c-4d5e-8f90-a1b2c3d4e5f6');
const M365 = withGroup('  type: microsoft365\n  mailNickname: helpdesk');

describe('definitions: owners and visibility (PIM065, PIM066, PIM067)', () => {
  it('reads group.owners as written: users and service principals, nothing else to say', () => {
    assert.deepEqual(check(OWNED), []);
    const [def] = loadWorkspace([{ path: 'owned.pim.yaml', text: OWNED }]).groups;
    assert.deepEqual(def.group.owners, ['user:lead@contoso.com', 'sp:0d6a4f3e-1b2c-4d5e-8f90-a1b2c3d4e5f6']);
    const [none_] = loadWorkspace([{ path: 'plain.pim.yaml', text: GROUP }]).groups;
    assert.equal(none_.group.owners, undefined, 'no owners key: owners are not managed');
  });

  it('PIM042: an owner reference without a prefix gets the usual quick fix', () => {
    const text = withGroup('  owners:\n    - lead@contoso.com');
    const f = only(check(text), 'PIM042');
    assert.deepEqual(f.range, rangeOf(text, 'lead@contoso.com'));
    assert.equal(f.fixes?.[0].title, "Change to 'user:lead@contoso.com'");
  });

  it('PIM065: refuses a group as an owner, on its line', () => {
    const text = withGroup('  owners:\n    - user:lead@contoso.com\n    - group:Helpdesk Leads');
    const f = only(check(text), 'PIM065');
    assert.equal(f.severity, 'error');
    assert.deepEqual(f.range, rangeOf(text, 'group:Helpdesk Leads'));
    assert.match(f.message, /users \(user:\) or service principals \(sp:\)/);
  });

  it('PIM066: the same owner twice, in any letter case, points at the second with the first line', () => {
    const text = withGroup('  owners:\n    - user:lead@contoso.com\n    - user:Lead@Contoso.com');
    const f = only(check(text), 'PIM066');
    assert.deepEqual(f.range, rangeOf(text, 'user:Lead@Contoso.com'));
    assert.match(f.message, /already an owner \(line 9\)/);
  });

  it('PIM067: visibility only on Microsoft 365 groups, and only Private on a role-assignable one', () => {
    const security = withGroup('  visibility: Private');
    const f = only(check(security), 'PIM067');
    assert.deepEqual(f.range, rangeOf(security, 'Private'));
    assert.match(f.message, /applies to Microsoft 365 groups/);
    none(
      check(edit(M365, ['mailNickname: helpdesk', 'mailNickname: helpdesk\n  visibility: HiddenMembership'])),
      'PIM067',
    );
    const tier0 = edit(M365, [
      'mailNickname: helpdesk',
      'mailNickname: helpdesk\n  roleAssignable: true\n  visibility: Public',
    ]);
    assert.match(only(check(tier0), 'PIM067').message, /always Private/);
    none(check(tier0.replace('visibility: Public', 'visibility: Private')), 'PIM067');
  });

  it('refuses a visibility the service does not know (schema enum)', () => {
    const text = edit(M365, ['mailNickname: helpdesk', 'mailNickname: helpdesk\n  visibility: Secret']);
    assert.ok(check(text).some((f) => f.severity === 'error' && /Private|Public|HiddenMembership/.test(f.message)));
  });
});
