import * as assert from 'node:assert/strict';
import { endsIn, endsWithin, startsIn, timeLeft } from '../../../src/time';

const NOW = Date.parse('2026-11-26T10:00:00Z');
const H = 3_600_000;

describe('time: how long until an end, or a start', () => {
  it('says it in the largest whole unit, rounded down', () => {
    assert.equal(endsIn(NOW + 3 * 24 * H + 20 * H, NOW), 'ends in 3 days');
    assert.equal(endsIn(NOW + 24 * H, NOW), 'ends in 1 day');
    assert.equal(endsIn(NOW + 5 * H + 59 * 60_000, NOW), 'ends in 5 hours');
    assert.equal(endsIn(NOW + 20 * 60_000, NOW), 'ends in 20 minutes');
    assert.equal(endsIn(NOW + 10_000, NOW), 'ends in 1 minute');
    assert.equal(endsIn(NOW, NOW), 'ended');
  });

  it('counts an end inside the window, never a past, permanent or unreadable one', () => {
    assert.equal(endsWithin('2026-12-10T10:00:00Z', NOW, 14 * 24 * 60), true, 'exactly at the window edge');
    assert.equal(endsWithin('2026-12-10T10:01:00Z', NOW, 14 * 24 * 60), false);
    assert.equal(endsWithin('2026-11-26T09:59:00Z', NOW, 14 * 24 * 60), false);
    assert.equal(endsWithin(null, NOW, 14 * 24 * 60), false);
    assert.equal(endsWithin('soon', NOW, 14 * 24 * 60), false);
  });

  it('says how long is left in short: minutes, hours and minutes, days; permanent and ended', () => {
    assert.equal(timeLeft('2026-11-26T10:09:30Z', NOW), '10 min left');
    assert.equal(timeLeft('2026-11-26T13:20:00Z', NOW), '3 h 20 min left');
    assert.equal(timeLeft('2026-11-26T11:00:00Z', NOW), '1 h left');
    assert.equal(timeLeft('2026-12-16T10:00:00Z', NOW), '20 days left');
    assert.equal(timeLeft(null, NOW), 'permanent');
    assert.equal(timeLeft('2026-11-26T09:00:00Z', NOW), 'ended');
  });

  it('tells a future start, and nothing for a start in the past', () => {
    assert.equal(startsIn('2026-12-03T10:00:00Z', NOW), 'starts in 7 days');
    assert.equal(startsIn('2026-11-26T12:00:00Z', NOW), 'starts in 2 h');
    assert.equal(startsIn('2026-11-25T10:00:00Z', NOW), undefined);
  });
});
