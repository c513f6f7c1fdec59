import * as assert from 'node:assert/strict';
import { check, GROUP, keyRange, none, only, rangeOf } from '../fixture';
import { edit } from '../../fixtureEdit';

describe('definitions: group and use-case rules (PIM060–PIM062, PIM064)', () => {
  it('PIM060: refuses team: true on a security group, on the team key', () => {
    const text = `${GROUP}bindings:\n  team: true\n`;
    assert.deepEqual(only(check(text), 'PIM060').range, rangeOf(text, 'team'));
    const m365 = text.replace(
      'displayName: PIM-Helpdesk',
      'displayName: PIM-Helpdesk\n  type: microsoft365\n  mailNickname: pim-helpdesk',
    );
    none(check(m365), 'PIM060');
    none(check(m365), 'PIM061');
  });

  it('PIM061: asks a microsoft365 group for its mailNickname, on the type', () => {
    const text = edit(GROUP, ['displayName: PIM-Helpdesk', 'displayName: PIM-Helpdesk\n  type: microsoft365']);
    const f = only(check(text), 'PIM061');
    assert.deepEqual(f.range, rangeOf(text, 'microsoft365'));
    assert.match(f.message, /pim-helpdesk/);
  });

  it('PIM062: warns when ca-exclusion has no conditionalAccess binding', () => {
    const text = edit(GROUP, ['useCase: custom', 'useCase: ca-exclusion']);
    const f = only(check(text), 'PIM062');
    assert.equal(f.severity, 'warning');
    assert.deepEqual(f.range, rangeOf(text, 'ca-exclusion'));
    none(
      check(`${text}bindings:\n  conditionalAccess:\n    excludeFrom: [ Block sign-ins from outside Australia ]\n`),
      'PIM062',
    );
  });

  for (const [useCase, binding] of [
    ['intune-rbac', 'intuneRoles: [ { role: Help Desk Operator } ]'],
    ['azure-resource', 'azureRoles: [ { scope: /subscriptions/8f2c1b9e-3a4d-4e5f-9a6b-7c8d9e0f1a2b, role: Reader } ]'],
    ['jit-license', 'licenses: [ { sku: FLOW_FREE } ]'],
  ]) {
    it(`PIM062: ${useCase} needs its binding`, () => {
      const text = edit(GROUP, ['useCase: custom', `useCase: ${useCase}`]);
      only(check(text), 'PIM062');
      none(check(`${text}bindings:\n  ${binding}\n`), 'PIM062');
    });
  }

  it('PIM062 does not fire for custom', () => {
    none(check(GROUP), 'PIM062');
  });

  it('PIM064: a group kept out of PIM (onboard: false) writes no policies and lists no assignments', () => {
    const text = edit(GROUP, ['displayName: PIM-Helpdesk', 'displayName: PIM-Helpdesk\n  onboard: false']);
    const found = check(text).filter((f) => f.code === 'PIM064');
    assert.deepEqual(
      found.map((f) => f.range),
      [keyRange(text, 'member'), keyRange(text, 'eligible'), keyRange(text, 'active')],
    );
    assert.match(found[0].message, /policies\.member would onboard the group to PIM/);
    const bare =
      'apiVersion: pim-groups/v1\nkind: PimGroup\nmetadata:\n  name: plain\ngroup:\n  displayName: Plain\n  onboard: false\n';
    assert.deepEqual(check(bare), []);
    none(check(`${bare}assignments:\n  eligible: []\n`), 'PIM064');
    none(check(GROUP.replace('displayName: PIM-Helpdesk', 'displayName: PIM-Helpdesk\n  onboard: true')), 'PIM064');
  });
});
