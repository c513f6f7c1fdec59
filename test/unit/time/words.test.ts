import * as assert from 'node:assert/strict';
import { durationInWords, minutesInWords } from '../../../src/time';

describe('time: durations in words', () => {
  it('writes minutes as days, hours and minutes, singular where one', () => {
    assert.equal(minutesInWords(0), '0 minutes');
    assert.equal(minutesInWords(1), '1 minute');
    assert.equal(minutesInWords(90 * 1440), '90 days');
    assert.equal(minutesInWords(1590), '1 day 2 hours 30 minutes');
  });

  it('reads an ISO duration PIM accepts as words unit by unit, and keeps any other value as written', () => {
    assert.equal(durationInWords('PT8H'), '8 hours');
    assert.equal(durationInWords('P1DT2H30M'), '1 day 2 hours 30 minutes');
    assert.equal(durationInWords('PT1M'), '1 minute');
    assert.equal(durationInWords('PT24H'), '24 hours', 'unit by unit as written, not normalised to 1 day');
    assert.equal(durationInWords('PT0M'), '0 minutes');
    assert.equal(durationInWords('P1Y'), 'P1Y', 'PIM refuses years: shown as the tenant holds it');
    assert.equal(durationInWords('PT8H30S'), 'PT8H30S', 'seconds are not rounded away');
    assert.equal(durationInWords('nonsense'), 'nonsense');
  });
});
