import * as assert from 'node:assert/strict';
import { minutesInWords } from '../../../src/time';

describe('time: durations in words', () => {
  it('writes minutes as days, hours and minutes, singular where one', () => {
    assert.equal(minutesInWords(0), '0 minutes');
    assert.equal(minutesInWords(1), '1 minute');
    assert.equal(minutesInWords(90 * 1440), '90 days');
    assert.equal(minutesInWords(1590), '1 day 2 hours 30 minutes');
  });
});
