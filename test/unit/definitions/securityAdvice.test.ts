import * as assert from 'node:assert/strict';
import { check, GROUP, none, only, rangeOf, TEMPLATE } from './fixture';
import { edit } from '../fixtureEdit';

const intune = (text: string) =>
  `${text.replace('useCase: custom', 'useCase: intune-rbac')}bindings:\n  intuneRoles: [ { role: Help Desk Operator } ]\n`;

describe('definitions: security advice (PIM070–PIM072)', () => {
  it('PIM070: warns about permanent active access where the policy allows it', () => {
    const text = edit(
      GROUP,
      ['allowPermanent: false\n      maxDuration: P180D', 'allowPermanent: true'],
      ['duration: P30D', 'permanent: true'],
    );
    const f = only(check(text), 'PIM070');
    assert.equal(f.severity, 'warning');
    const at = rangeOf(text, 'permanent: true').start;
    assert.deepEqual(f.range, { start: at, end: { line: at.line, character: at.character + 'permanent'.length } });
    none(check(GROUP), 'PIM070');
  });

  it('PIM071: warns when intune-rbac activation needs neither MFA nor an authentication context', () => {
    const text = intune(edit(GROUP, ['      requireMfa: true\n', '']));
    const f = only(check(text), 'PIM071');
    assert.equal(f.severity, 'warning');
    assert.deepEqual(f.range, rangeOf(text, 'activation'));
  });

  it('PIM071 is satisfied by MFA, by an authentication context, or by a template that requires MFA', () => {
    none(check(intune(GROUP)), 'PIM071');
    none(check(intune(edit(GROUP, ['requireMfa: true', 'authenticationContext: c1']))), 'PIM071');
    const viaTemplate = intune(
      edit(
        GROUP,
        [/  member:\n[\s\S]*?assignments:/, '  member:\n    template: standard-8h\nassignments:'],
        ['duration: P30D\n      justification: Leads stay active for the quarter', 'duration: P30D'],
      ),
    );
    none(check(viaTemplate, [{ path: 't.pim.yaml', text: TEMPLATE }]), 'PIM071');
  });

  it('PIM071: warns on the use case when the member policy is not managed at all', () => {
    const text = intune(edit(GROUP, [/policies:[\s\S]*?assignments:/, 'assignments:']));
    assert.deepEqual(only(check(text), 'PIM071').range, rangeOf(text, 'intune-rbac'));
  });

  it('PIM071 does not fire for use cases that grant no admin rights', () => {
    none(check(edit(GROUP, ['      requireMfa: true\n', ''])), 'PIM071');
  });
});
