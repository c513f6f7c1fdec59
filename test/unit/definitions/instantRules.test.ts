import * as assert from 'node:assert/strict';
import { applyFix, check, codes, GROUP, none, only, rangeOf } from './fixture';
import { edit } from '../fixtureEdit';

const withTimes = (times: string) => edit(GROUP, ['duration: P90D', times]);

describe('definitions: instant and expiry rules (PIM020–PIM023)', () => {
  it('PIM020: refuses an instant without a zone and fixes it to UTC', () => {
    const text = withTimes('until: 2027-01-31T18:00:00');
    const f = only(check(text), 'PIM020');
    assert.deepEqual(f.range, rangeOf(text, '2027-01-31T18:00:00'));
    assert.deepEqual(check(applyFix(text, f.fixes![0])), []);
  });

  it('PIM020: refuses an impossible date in start', () => {
    const text = withTimes('duration: P90D\n      start: 2027-02-30T08:00:00Z');
    assert.deepEqual(only(check(text), 'PIM020').range, rangeOf(text, '2027-02-30T08:00:00Z'));
  });

  it('PIM021: refuses until before start, on until', () => {
    const text = withTimes('start: 2027-01-10T00:00:00Z\n      until: 2027-01-01T00:00:00Z');
    const f = only(check(text), 'PIM021');
    assert.deepEqual(f.range, rangeOf(text, '2027-01-01T00:00:00Z'));
    none(check(withTimes('start: 2027-01-01T00:00:00Z\n      until: 2027-01-10T00:00:00Z')), 'PIM021');
  });

  it('PIM022: warns (does not refuse) on until in the past, judged by the injected clock', () => {
    const text = withTimes('until: 2026-11-01T00:00:00Z');
    const f = only(check(text), 'PIM022');
    assert.equal(f.severity, 'warning', 'an expired assignment must not stop the plan of other assignments and groups');
    assert.match(f.message, /has passed: this assignment has expired.*Remove it from the file/);
    assert.deepEqual(f.range, rangeOf(text, '2026-11-01T00:00:00Z'));
    assert.deepEqual(check(text, [], new Date('2026-10-01T00:00:00Z')), []);
  });

  it('PIM022: warns on a start and duration that have already ended, on start', () => {
    const text = withTimes('duration: P1D\n      start: 2026-11-01T00:00:00Z');
    assert.deepEqual(only(check(text), 'PIM022').range, rangeOf(text, '2026-11-01T00:00:00Z'));
    none(check(withTimes('duration: P90D\n      start: 2026-11-01T00:00:00Z')), 'PIM022');
  });

  it('PIM010: refuses a duration that would end after 9999-12-31 from now, on the duration', () => {
    // P3000000D is a well-formed duration shorter than 0001..9999, but now + it is in the year 10240.
    const text = withTimes('duration: P3000000D');
    const f = only(check(text), 'PIM010');
    assert.equal(f.severity, 'error');
    assert.match(f.message, /now plus P3000000D ends after 9999-12-31/);
    assert.deepEqual(f.range, rangeOf(text, 'P3000000D'));
  });

  it('PIM010: judges the end from start when one is given', () => {
    const text = withTimes('duration: P365D\n      start: 9999-06-01T00:00:00Z');
    assert.match(only(check(text), 'PIM010').message, /start \(9999-06-01T00:00:00Z\) plus P365D/);
    none(check(withTimes('duration: P30D\n      start: 9999-06-01T00:00:00Z')), 'PIM010');
  });

  it('PIM023: asks for a duration, until or permanent when none is given, on the principal key', () => {
    const text = edit(GROUP, ['      duration: P90D\n', '']);
    const f = only(check(text), 'PIM023');
    assert.deepEqual(f.range, rangeOf(text, 'principal', 0));
  });

  it('PIM023: refuses both duration and until, on the second one', () => {
    const text = withTimes('duration: P90D\n      until: 2027-01-01T00:00:00Z');
    assert.deepEqual(only(check(text), 'PIM023').range, rangeOf(text, 'until'));
  });

  it('PIM023 leaves an assignment that is not a mapping to the schema (one finding, not two)', () => {
    const text = edit(GROUP, [
      '    - principal: user:alice@contoso.com\n      duration: P90D\n',
      '    - user:alice@contoso.com\n',
    ]);
    assert.deepEqual(codes(check(text)), ['PIM006']);
  });

  it('PIM023 does not fire on permanent: true alone', () => {
    const text = edit(
      GROUP,
      ['allowPermanent: false\n      maxDuration: P365D', 'allowPermanent: true'],
      ['duration: P90D', 'permanent: true'],
    );
    assert.deepEqual(codes(check(text)), []);
  });
});
