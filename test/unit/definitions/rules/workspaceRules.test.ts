import * as assert from 'node:assert/strict';
import { loadWorkspace } from '../../../../src/definitions';
import { applyFix, check, GROUP, none, NOW, only, rangeOf, TEMPLATE } from '../fixture';
import { edit } from '../../fixtureEdit';

describe('definitions: workspace rules (PIM050–PIM053)', () => {
  const other = edit(GROUP, ['displayName: PIM-Helpdesk', 'displayName: PIM-Other']);

  it('PIM050: flags both documents that share metadata.name, each pointing at the other file', () => {
    const ws = loadWorkspace(
      [
        { path: 'a.pim.yaml', text: GROUP },
        { path: 'b.pim.yaml', text: other },
      ],
      { now: NOW },
    );
    const hits = ws.findings.filter((f) => f.code === 'PIM050');
    assert.deepEqual(hits.map((f) => f.file).sort(), ['a.pim.yaml', 'b.pim.yaml']);
    assert.deepEqual(hits[0].range, rangeOf(GROUP, 'helpdesk'));
    assert.match(hits.find((f) => f.file === 'a.pim.yaml')!.message, /b\.pim\.yaml:4/);
    none(ws.findings, 'PIM051'); // different groups
  });

  it('PIM050 does not fire between a group and a template of the same name', () => {
    none(check(GROUP, [{ path: 't.pim.yaml', text: edit(TEMPLATE, ['standard-8h', 'helpdesk']) }]), 'PIM050');
  });

  it('PIM051: flags two documents that manage the same group by displayName (any case)', () => {
    const twin = edit(GROUP, ['name: helpdesk', 'name: helpdesk-2'], ['PIM-Helpdesk', 'pim-helpdesk']);
    const hits = check(GROUP, [{ path: 'b.pim.yaml', text: twin }]).filter((f) => f.code === 'PIM051');
    assert.equal(hits.length, 2);
    assert.deepEqual(hits.find((f) => f.file === 'b.pim.yaml')!.range, rangeOf(twin, 'pim-helpdesk'));
  });

  it('PIM051 does not fire for different groups with different names', () => {
    none(check(GROUP, [{ path: 'b.pim.yaml', text: other.replace('name: helpdesk', 'name: other') }]), 'PIM051');
  });

  it('PIM051: flags two documents that pin the same group id', () => {
    const id = '  id: 5f1c7d8e-0000-4000-8000-000000000001\n';
    const a = edit(GROUP, ['group:\n', `group:\n${id}`]);
    const b = other
      .replace('name: helpdesk', 'name: other')
      .replace('group:\n', `group:\n${id.toUpperCase().replace('  ID', '  id')}`);
    const hits = check(a, [{ path: 'b.pim.yaml', text: b }]).filter((f) => f.code === 'PIM051');
    assert.equal(hits.length, 2);
    assert.deepEqual(
      hits.find((f) => f.file === 'test.pim.yaml')!.range,
      rangeOf(a, '5f1c7d8e-0000-4000-8000-000000000001'),
    );
  });

  it('PIM052: flags an unknown template with a fix to the closest name', () => {
    const text = edit(GROUP, ['  member:\n', '  member:\n    template: standard-9h\n']);
    const f = only(check(text, [{ path: 't.pim.yaml', text: TEMPLATE }]), 'PIM052');
    assert.deepEqual(f.range, rangeOf(text, 'standard-9h'));
    assert.match(f.message, /standard-8h/);
    const fixed = applyFix(text, f.fixes![0]);
    assert.ok(fixed.includes('template: standard-8h'));
    none(check(fixed, [{ path: 't.pim.yaml', text: TEMPLATE }]), 'PIM052');
  });

  it('PIM052 resolves templates from other files and from the same file', () => {
    const text = edit(GROUP, ['  member:\n', '  member:\n    template: standard-8h\n']);
    none(check(text, [{ path: 't.pim.yaml', text: TEMPLATE }]), 'PIM052');
    none(check(`${TEMPLATE}---\n${text}`), 'PIM052');
  });

  it('PIM053: flags the second listing of the same principal for the same role and kind', () => {
    const text = edit(GROUP, [
      '      duration: P90D\n',
      '      duration: P90D\n    - principal: user:Alice@contoso.com\n      duration: P30D\n',
    ]);
    const f = only(check(text), 'PIM053');
    assert.deepEqual(f.range, rangeOf(text, 'user:Alice@contoso.com'));
    assert.match(f.message, /line 22/);
  });

  it('PIM053 does not fire for the same principal in another role or kind', () => {
    none(
      check(
        edit(GROUP, [
          '      duration: P90D\n',
          '      duration: P90D\n    - principal: user:alice@contoso.com\n      role: owner\n      duration: P30D\n',
        ]),
      ),
      'PIM053',
    );
    none(check(edit(GROUP, ['principal: group:Helpdesk Leads', 'principal: user:alice@contoso.com'])), 'PIM053');
  });
});
