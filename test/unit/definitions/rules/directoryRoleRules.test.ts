import * as assert from 'node:assert/strict';
import { check, GROUP, none, only, rangeOf } from '../fixture';
import { edit } from '../../fixtureEdit';

const ROLE_ASSIGNABLE = edit(GROUP, ['displayName: PIM-Helpdesk', 'displayName: PIM-Helpdesk\n  roleAssignable: true']);
const APPROVAL = 'requireMfa: true\n      approval:\n        approvers: [ user:lead@contoso.com ]';

describe('definitions: directory-role rules (PIM063, PIM073)', () => {
  it('PIM063: refuses a directory role on a group that is not role-assignable, on the directoryRoles key', () => {
    const text = `${GROUP}bindings:\n  directoryRoles:\n    - role: Helpdesk Administrator\n`;
    const f = only(check(text), 'PIM063');
    assert.equal(f.severity, 'error');
    assert.deepEqual(f.range, rangeOf(text, 'directoryRoles'));
    assert.match(f.message, /roleAssignable: true/);
    none(
      check(edit(text, ['displayName: PIM-Helpdesk', 'displayName: PIM-Helpdesk\n  roleAssignable: true'])),
      'PIM063',
    );
  });

  it('PIM073: warns when a privileged role is reached through an activation without approval', () => {
    const text = `${ROLE_ASSIGNABLE}bindings:\n  directoryRoles:\n    - role: Helpdesk Administrator\n`;
    const f = only(check(text), 'PIM073');
    assert.equal(f.severity, 'warning');
    assert.match(f.message, /Helpdesk Administrator/);
    assert.match(f.message, /no approval/);
    assert.doesNotMatch(f.message, /MFA,|no MFA/);
    none(check(edit(text, ['requireMfa: true', APPROVAL])), 'PIM073');
  });

  it('PIM073: knows a privileged role by its template id, and warns about MFA too', () => {
    const text = edit(
      `${ROLE_ASSIGNABLE}bindings:\n  directoryRoles:\n    - role: 62e90394-69f5-4237-9190-012177145e10\n`,
      ['requireMfa: true', 'requireMfa: false'],
    );
    const f = only(check(text), 'PIM073');
    assert.match(f.message, /Global Administrator/);
    assert.match(f.message, /no approval and no MFA/);
  });

  it('PIM073: says nothing for a role Microsoft does not mark privileged', () => {
    none(check(`${ROLE_ASSIGNABLE}bindings:\n  directoryRoles:\n    - role: Global Reader\n`), 'PIM073');
  });

  it('refuses a directory scope that is neither / nor an administrative unit (schema)', () => {
    const text = `${ROLE_ASSIGNABLE}bindings:\n  directoryRoles:\n    - role: Global Reader\n      scope: /subscriptions/x\n`;
    assert.equal(only(check(text), 'PIM007').severity, 'error');
  });
});
