import * as assert from 'node:assert/strict';
import { PIM_GROUPS_SCHEMA } from '../../../src/definitions';
import { applyFix, check, codes, fix, GROUP, keyRange, none, only, rangeOf } from './fixture';
import { edit } from '../fixtureEdit';

describe('definitions: structure and schema (PIM001–PIM007)', () => {
  it('PIM001: reports broken YAML where it breaks', () => {
    const text = edit(GROUP, ['displayName: PIM-Helpdesk', 'displayName: "PIM-Helpdesk']);
    const f = check(text).find((x) => x.code === 'PIM001');
    assert.ok(f && f.severity === 'error');
    assert.ok(f.range.start.line >= 5, `range starts at line ${f.range.start.line}`);
  });

  it('PIM001: says to indent with spaces when a tab indents', () => {
    const text = edit(GROUP, ['  displayName: PIM-Helpdesk', '\tdisplayName: PIM-Helpdesk']);
    const f = check(text).find((x) => x.code === 'PIM001' && /spaces/.test(x.message));
    assert.ok(f);
    assert.equal(f.range.start.line, 6);
  });

  it('PIM002: flags a duplicate key on the second key', () => {
    const text = edit(GROUP, ['  useCase: custom', '  useCase: custom\n  name: again']);
    const f = only(check(text), 'PIM002');
    assert.deepEqual(f.range, rangeOf(text, 'name', 1));
  });

  it('PIM003: refuses an unknown kind with a fix to the closest kind', () => {
    const text = edit(GROUP, ['kind: PimGroup', 'kind: PimGroups']);
    const f = only(check(text), 'PIM003');
    assert.deepEqual(f.range, rangeOf(text, 'PimGroups'));
    assert.deepEqual(check(applyFix(text, f.fixes![0])), []);
  });

  it('PIM003: asks for apiVersion when it is missing, and refuses another version', () => {
    only(check(edit(GROUP, ['apiVersion: pim-groups/v1\n', ''])), 'PIM003');
    const text = edit(GROUP, ['pim-groups/v1', 'pim-groups/v2']);
    const f = only(check(text), 'PIM003');
    assert.deepEqual(f.range, rangeOf(text, 'pim-groups/v2'));
    assert.deepEqual(check(applyFix(text, f.fixes![0])), []);
  });

  it('PIM004: flags an unknown property on its key and suggests the closest valid name', () => {
    const text = edit(GROUP, ['requireMfa: true', 'requireMFA: true']);
    const f = only(check(text), 'PIM004');
    assert.deepEqual(f.range, rangeOf(text, 'requireMFA'));
    assert.match(f.message, /did you mean 'requireMfa'/);
    assert.deepEqual(check(applyFix(text, fix(f, 'requireMfa'))), []);
  });

  it('PIM004: lists the valid names when nothing is close', () => {
    const text = edit(GROUP, ['  useCase: custom', '  useCase: custom\n  zzzzzzzz: 1']);
    assert.match(only(check(text), 'PIM004').message, /valid properties: name, useCase, description/);
  });

  it('PIM005: asks for a missing required property on the parent key', () => {
    const text = edit(GROUP, ['  displayName: PIM-Helpdesk\n', '  description: no name\n']);
    const f = only(check(text), 'PIM005');
    assert.deepEqual(f.range, keyRange(text, 'group'));
    assert.match(f.message, /'group' needs 'displayName'/);
  });

  it('PIM006: flags a wrong type on the value and offers true for yes', () => {
    const text = edit(GROUP, ['requireMfa: true', 'requireMfa: yes']);
    const f = only(check(text), 'PIM006');
    assert.deepEqual(f.range, rangeOf(text, 'yes'));
    assert.deepEqual(check(applyFix(text, f.fixes![0])), []);
  });

  it('PIM006: refuses a list where a mapping belongs, and a document that is not a mapping', () => {
    assert.ok(
      codes(check(edit(GROUP, ['group:\n  displayName: PIM-Helpdesk', 'group: [ PIM-Helpdesk ]']))).includes('PIM006'),
    );
    only(check('- just\n- a list\n'), 'PIM006');
  });

  it('PIM006: one message for approval that is neither a mapping nor null', () => {
    const text = edit(GROUP, ['requireMfa: true', 'requireMfa: true\n      approval: yes']);
    const f = only(check(text), 'PIM006');
    assert.match(f.message, /a mapping or null/);
  });

  it('PIM007: refuses a value outside an enumeration, with a fix', () => {
    const text = edit(GROUP, ['useCase: custom', 'useCase: intune-rback']);
    const f = only(check(text), 'PIM007');
    assert.deepEqual(f.range, rangeOf(text, 'intune-rback'));
    assert.ok(applyFix(text, f.fixes![0]).includes('useCase: intune-rbac'));
  });

  it('PIM007: explains the name pattern, email format and number ranges', () => {
    assert.match(
      only(check(edit(GROUP, ['name: helpdesk', 'name: Help_Desk'])), 'PIM007').message,
      /lowercase letters, digits and '-'/,
    );
    const mail = edit(GROUP, [
      '    eligibility:',
      '    notifications: { activated: { admin: { additionalRecipients: [ not-an-email ] } } }\n    eligibility:',
    ]);
    assert.match(only(check(mail), 'PIM007').message, /email address/);
    const timeout = edit(GROUP, [
      'requireMfa: true',
      'requireMfa: true\n      approval: { approvers: [ user:lead@contoso.com ], timeoutDays: 0 }',
    ]);
    assert.match(only(check(timeout), 'PIM007').message, /at least 1/);
  });

  it('does not double-report durations, instants and references that the semantic rules explain better', () => {
    const text = edit(GROUP, ['duration: P90D', 'duration: P1Y'], ['user:alice', 'alice']);
    assert.deepEqual(codes(check(text)).sort(), ['PIM011', 'PIM042']);
  });

  it('the schema gives every property a description and examples', () => {
    const missing: string[] = [];
    const visit = (node: unknown, path: string) => {
      if (typeof node !== 'object' || node === null) return;
      const n = node as Record<string, unknown>;
      if (n.properties) {
        for (const [k, v] of Object.entries(n.properties as Record<string, Record<string, unknown>>)) {
          if (typeof v.description !== 'string' || !Array.isArray(v.examples) || v.examples.length === 0)
            missing.push(`${path}.${k}`);
        }
      }
      for (const [k, v] of Object.entries(n)) if (typeof v === 'object' && k !== 'if') visit(v, `${path}/${k}`); // `if` holds conditions, not properties
    };
    visit(PIM_GROUPS_SCHEMA, '#');
    assert.deepEqual(missing, []);
  });

  it('accepts the base document', () => {
    none(check(GROUP), 'PIM004');
  });
});
