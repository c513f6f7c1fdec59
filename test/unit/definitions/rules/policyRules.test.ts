import * as assert from 'node:assert/strict';
import { applyFix, check, fix, GROUP, none, only, rangeOf, TEMPLATE } from '../fixture';
import { edit } from '../../fixtureEdit';

describe('definitions: policy consistency and references (PIM040–PIM042)', () => {
  const both = edit(GROUP, ['requireMfa: true', 'requireMfa: true\n      authenticationContext: c1']);

  it('PIM040: refuses requireMfa together with authenticationContext, on requireMfa', () => {
    const f = only(check(both), 'PIM040');
    assert.deepEqual(f.range, rangeOf(both, 'requireMfa'));
    assert.equal(f.fixes?.length, 2);
  });

  it('PIM040: one fix drops requireMfa, the other drops authenticationContext; each leaves a clean file', () => {
    const f = only(check(both), 'PIM040');
    const noMfa = applyFix(both, fix(f, 'Remove requireMfa'));
    assert.ok(!noMfa.includes('requireMfa') && noMfa.includes('authenticationContext: c1'));
    assert.deepEqual(check(noMfa), []);
    const noCtx = applyFix(both, fix(f, 'Remove authenticationContext'));
    assert.ok(noCtx.includes('requireMfa: true') && !noCtx.includes('authenticationContext'));
    assert.deepEqual(check(noCtx), []);
  });

  it('PIM040: fixes work in flow style too', () => {
    const text = edit(GROUP, [
      'activation:\n      maxDuration: PT8H\n      requireMfa: true',
      'activation: { maxDuration: PT8H, requireMfa: true, authenticationContext: c1 }',
    ]);
    const f = only(check(text), 'PIM040');
    assert.deepEqual(check(applyFix(text, fix(f, 'Remove requireMfa'))), []);
    assert.deepEqual(check(applyFix(text, fix(f, 'Remove authenticationContext'))), []);
  });

  it('PIM040: catches a conflict between the template and the block, with the fix on the written field', () => {
    const text = edit(
      GROUP,
      [
        /  member:\n[\s\S]*?assignments:/,
        '  member:\n    template: standard-8h\n    activation:\n      authenticationContext: c2\nassignments:',
      ],
      ['duration: P30D\n      justification: Leads stay active for the quarter', 'duration: P30D'],
    );
    const f = only(check(text, [{ path: 't.pim.yaml', text: TEMPLATE }]), 'PIM040');
    assert.deepEqual(f.range, rangeOf(text, 'authenticationContext'));
    assert.equal(f.fixes?.length, 1);
  });

  it('PIM040: removing the only field of a block removes the block, never leaving it empty', () => {
    const text = edit(
      GROUP,
      [
        /  member:\n[\s\S]*?assignments:/,
        '  member:\n    template: standard-8h\n    activation:\n      authenticationContext: c2\nassignments:',
      ],
      ['duration: P30D\n      justification: Leads stay active for the quarter', 'duration: P30D'],
    );
    const templates = [{ path: 't.pim.yaml', text: TEMPLATE }];
    const f = only(check(text, templates), 'PIM040');
    const fixed = applyFix(text, f.fixes![0]);
    assert.ok(!fixed.includes('activation:') && fixed.includes('template: standard-8h'));
    assert.deepEqual(check(fixed, templates), []);
  });

  it('PIM040 does not fire when authenticationContext is null', () => {
    none(check(edit(GROUP, ['requireMfa: true', 'requireMfa: true\n      authenticationContext: null'])), 'PIM040');
  });

  it('PIM041: refuses approval without approvers, on the approvers key', () => {
    const text = edit(GROUP, ['requireMfa: true', 'requireMfa: true\n      approval:\n        approvers: []']);
    assert.deepEqual(only(check(text), 'PIM041').range, rangeOf(text, 'approvers'));
    none(check(edit(GROUP, ['requireMfa: true', 'requireMfa: true\n      approval: null'])), 'PIM041');
    none(
      check(
        edit(GROUP, ['requireMfa: true', 'requireMfa: true\n      approval: { approvers: [ user:lead@contoso.com ] }']),
      ),
      'PIM041',
    );
  });

  it("PIM041: an approval block without approvers keeps the template's approvers", () => {
    const tpl = edit(TEMPLATE, [
      'requireJustification: true }',
      'requireJustification: true, approval: { approvers: [ user:lead@contoso.com ] } }',
    ]);
    const text = edit(GROUP, [
      /  member:\n[\s\S]*?assignments:/,
      '  member:\n    template: standard-8h\n    activation:\n      approval: { requireApproverJustification: false }\nassignments:',
    ]);
    none(check(text, [{ path: 't.pim.yaml', text: tpl }]), 'PIM041');
  });

  it('PIM042: refuses a reference without a known prefix and proposes user: for an email', () => {
    const text = edit(GROUP, ['user:alice@contoso.com', 'alice@contoso.com']);
    const f = only(check(text), 'PIM042');
    assert.deepEqual(f.range, rangeOf(text, 'alice@contoso.com'));
    assert.deepEqual(check(applyFix(text, f.fixes![0])), []);
  });

  it('PIM042: checks approvers and rejects an empty name', () => {
    const text = edit(GROUP, [
      'requireMfa: true',
      'requireMfa: true\n      approval:\n        approvers: [ usr:lead@contoso.com ]',
    ]);
    assert.deepEqual(only(check(text), 'PIM042').range, rangeOf(text, 'usr:lead@contoso.com'));
    const empty = edit(GROUP, ['user:alice@contoso.com', '"group:"']);
    assert.deepEqual(only(check(empty), 'PIM042').range, rangeOf(empty, '"group:"'));
  });

  it('PIM042 accepts user:, group: and sp: references', () => {
    none(check(edit(GROUP, ['user:alice@contoso.com', 'sp:0d6a4f3e-1b2c-4d5e-8f90-a1b2c3d4e5f6'])), 'PIM042');
  });
});
