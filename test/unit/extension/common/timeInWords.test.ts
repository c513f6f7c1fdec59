import * as assert from 'assert';
import {
  durationInWords,
  durationToMinutes,
  minutesToDuration,
  startsIn,
  timeLeft,
} from '../../../../src/extension/common/timeInWords';

const NOW = Date.parse('2026-11-26T10:00:00Z');

describe('extension: time in words', () => {
  it('reads ISO durations as words and minutes, and writes minutes back', () => {
    assert.strictEqual(durationInWords('PT8H'), '8 hours');
    assert.strictEqual(durationInWords('P1DT2H30M'), '1 day 2 hours 30 minutes');
    assert.strictEqual(durationInWords('PT1M'), '1 minute');
    assert.strictEqual(durationInWords('P1Y'), 'P1Y', 'an unreadable value is kept as written');
    assert.strictEqual(durationToMinutes('PT4H30M'), 270);
    assert.strictEqual(durationToMinutes('nonsense'), undefined);
    assert.strictEqual(minutesToDuration(90), 'PT1H30M');
    assert.strictEqual(minutesToDuration(480), 'PT8H');
    assert.strictEqual(minutesToDuration(30), 'PT30M');
  });

  it('says how long is left: minutes, hours and minutes, days; permanent and ended', () => {
    assert.strictEqual(timeLeft('2026-11-26T10:09:30Z', NOW), '10 min left');
    assert.strictEqual(timeLeft('2026-11-26T13:20:00Z', NOW), '3 h 20 min left');
    assert.strictEqual(timeLeft('2026-11-26T11:00:00Z', NOW), '1 h left');
    assert.strictEqual(timeLeft('2026-12-16T10:00:00Z', NOW), '20 days left');
    assert.strictEqual(timeLeft(null, NOW), 'permanent');
    assert.strictEqual(timeLeft('2026-11-26T09:00:00Z', NOW), 'ended');
  });

  it('tells a future start, and nothing for a start in the past', () => {
    assert.strictEqual(startsIn('2026-12-03T10:00:00Z', NOW), 'starts in 7 days');
    assert.strictEqual(startsIn('2026-11-26T12:00:00Z', NOW), 'starts in 2 h');
    assert.strictEqual(startsIn('2026-11-25T10:00:00Z', NOW), undefined);
  });
});
