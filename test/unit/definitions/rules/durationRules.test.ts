import * as assert from 'node:assert/strict';
import { applyFix, check, fix, GROUP, none, only, rangeOf } from '../fixture';
import { edit } from '../../fixtureEdit';

describe('definitions: duration rules (PIM010–PIM014, PIM072)', () => {
  it('PIM010: refuses a duration that is not ISO 8601, on the value', () => {
    const text = edit(GROUP, ['duration: P90D', 'duration: 90 days']);
    const f = only(check(text), 'PIM010');
    assert.deepEqual(f.range, rangeOf(text, '90 days'));
    assert.equal(f.severity, 'error');
  });

  for (const [written, fixed] of [
    ['P1Y', 'P365D'],
    ['P6M', 'P180D'],
    ['P2W', 'P14D'],
  ]) {
    it(`PIM011: refuses ${written} and its fix writes ${fixed}`, () => {
      const text = edit(GROUP, ['maxDuration: P365D', `maxDuration: ${written}`]);
      const f = only(check(text), 'PIM011');
      assert.deepEqual(f.range, rangeOf(text, written));
      assert.match(f.message, new RegExp(fixed));
      const after = applyFix(text, fix(f, fixed));
      assert.ok(after.includes(`maxDuration: ${fixed}`));
      none(check(after), 'PIM011');
    });
  }

  it('PIM011: converts a week in an assignment duration too', () => {
    const text = edit(GROUP, ['duration: P90D', 'duration: P2W']);
    const f = only(check(text), 'PIM011');
    assert.deepEqual(f.range, rangeOf(text, 'P2W'));
    assert.deepEqual(check(applyFix(text, f.fixes![0])), []);
  });

  it('PIM011 does not fire on day, hour and minute durations', () => {
    none(check(edit(GROUP, ['duration: P90D', 'duration: P1DT2H30M'])), 'PIM011');
  });

  it('PIM012: refuses an assignment shorter than 5 minutes', () => {
    const text = edit(GROUP, ['duration: P90D', 'duration: PT4M']);
    const f = only(check(text), 'PIM012');
    assert.deepEqual(f.range, rangeOf(text, 'PT4M'));
    none(check(edit(GROUP, ['duration: P90D', 'duration: PT5M'])), 'PIM012');
  });

  it('PIM012: refuses until less than 5 minutes after start', () => {
    const text = edit(GROUP, ['duration: P90D', 'start: 2026-12-01T08:00:00Z\n      until: 2026-12-01T08:04:00Z']);
    const f = only(check(text), 'PIM012');
    assert.deepEqual(f.range, rangeOf(text, '2026-12-01T08:04:00Z'));
  });

  it('PIM013: keeps activation.maxDuration between PT30M and PT24H', () => {
    const short = edit(GROUP, ['maxDuration: PT8H', 'maxDuration: PT15M']);
    const f = only(check(short), 'PIM013');
    assert.deepEqual(f.range, rangeOf(short, 'PT15M'));
    assert.deepEqual(check(applyFix(short, f.fixes![0])), []);
    const long = edit(GROUP, ['maxDuration: PT8H', 'maxDuration: P2D']);
    assert.deepEqual(only(check(long), 'PIM013').range, rangeOf(long, 'P2D'));
    none(check(edit(GROUP, ['maxDuration: PT8H', 'maxDuration: PT30M'])), 'PIM013');
  });

  it('PIM014: warns when activation is not in half-hour steps', () => {
    const text = edit(GROUP, ['maxDuration: PT8H', 'maxDuration: PT1H45M']);
    const f = only(check(text), 'PIM014');
    assert.equal(f.severity, 'warning');
    assert.deepEqual(f.range, rangeOf(text, 'PT1H45M'));
    assert.ok(applyFix(text, f.fixes![0]).includes('maxDuration: PT2H'));
    none(check(edit(GROUP, ['maxDuration: PT8H', 'maxDuration: PT1H30M'])), 'PIM014');
  });

  it('PIM072: warns about activations longer than 8 hours', () => {
    const text = edit(GROUP, ['maxDuration: PT8H', 'maxDuration: PT12H']);
    const f = only(check(text), 'PIM072');
    assert.equal(f.severity, 'warning');
    assert.deepEqual(f.range, rangeOf(text, 'PT12H'));
    none(check(GROUP), 'PIM072');
  });
});
