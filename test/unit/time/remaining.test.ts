import * as assert from 'node:assert/strict';
import { endsIn, endsWithin } from '../../../src/time';

const NOW = Date.parse('2026-11-26T10:00:00Z');
const H = 3_600_000;

describe('time: how long until an end', () => {
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
});
