import * as assert from 'node:assert/strict';
import { check, GROUP, none, only, rangeOf, TEMPLATE } from './fixture';
import { edit } from '../fixtureEdit';

describe('definitions: an assignment fits its role policy (PIM030–PIM033)', () => {
  it('PIM030: refuses permanent eligibility when the policy requires expiry', () => {
    const text = edit(GROUP, ['duration: P90D', 'permanent: true']);
    const f = only(check(text), 'PIM030');
    assert.deepEqual(f.range, rangeOf(text, 'permanent'));
  });

  it('PIM030 does not fire when the policy allows permanent or is not managed', () => {
    none(
      check(
        edit(
          GROUP,
          ['duration: P90D', 'permanent: true'],
          ['allowPermanent: false\n      maxDuration: P365D', 'allowPermanent: true'],
        ),
      ),
      'PIM030',
    );
    const unmanaged = edit(
      GROUP,
      [/policies:[\s\S]*?assignments:/, 'assignments:'],
      ['duration: P90D', 'permanent: true'],
    );
    none(check(unmanaged), 'PIM030');
  });

  it('PIM030: uses the policy the template brings', () => {
    const text = edit(
      GROUP,
      [/  member:\n[\s\S]*?assignments:/, '  member:\n    template: standard-8h\nassignments:'],
      ['duration: P90D', 'permanent: true'],
    );
    const f = only(check(text, [{ path: 't.pim.yaml', text: TEMPLATE }]), 'PIM030');
    assert.match(f.message, /P180D/);
  });

  it('PIM031: refuses an eligible duration longer than eligibility.maxDuration', () => {
    const text = edit(GROUP, ['duration: P90D', 'duration: P400D']);
    const f = only(check(text), 'PIM031');
    assert.deepEqual(f.range, rangeOf(text, 'P400D'));
    assert.match(f.message, /P365D/);
  });

  it('PIM031: measures until from start (or now) against assignment.maxDuration', () => {
    const text = edit(GROUP, ['duration: P30D', 'until: 2027-12-31T00:00:00Z']);
    assert.deepEqual(only(check(text), 'PIM031').range, rangeOf(text, '2027-12-31T00:00:00Z'));
    none(check(edit(GROUP, ['duration: P30D', 'until: 2027-01-31T00:00:00Z'])), 'PIM031');
  });

  it('PIM032: asks for a justification on an active assignment when the policy requires one', () => {
    const text = edit(GROUP, ['      justification: Leads stay active for the quarter\n', '']);
    const f = only(check(text), 'PIM032');
    assert.deepEqual(f.range, rangeOf(text, 'principal', 1));
  });

  it('PIM033: asks for a ticket on an active assignment when the policy requires one', () => {
    const text = edit(GROUP, ['requireJustification: true', 'requireJustification: true\n      requireTicket: true']);
    const f = only(check(text), 'PIM033');
    assert.deepEqual(f.range, rangeOf(text, 'principal', 1));
    none(
      check(
        text.replace(
          '      justification: Leads',
          '      ticket: { system: ServiceNow, number: CHG1 }\n      justification: Leads',
        ),
      ),
      'PIM033',
    );
  });
});
