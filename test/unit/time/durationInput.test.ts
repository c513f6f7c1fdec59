import * as assert from 'node:assert/strict';
import { isoSpelling, parseDuration, parseDurationInput } from '../../../src/time';

describe('time: durations as typed on a command line', () => {
  it('spells the short forms in ISO 8601', () => {
    assert.equal(isoSpelling('2h'), 'PT2H');
    assert.equal(isoSpelling('90m'), 'PT90M');
    assert.equal(isoSpelling('1h30m'), 'PT1H30M');
    assert.equal(isoSpelling('1d2h'), 'P1DT2H');
    assert.equal(isoSpelling('45min'), 'PT45M');
  });

  it("leaves ISO and unknown text alone, so the messages are parseDuration's own", () => {
    assert.equal(isoSpelling('PT2H'), 'PT2H');
    assert.deepEqual(parseDurationInput('2x'), parseDuration('2x'));
    assert.deepEqual(parseDurationInput('P1M'), parseDuration('P1M'));
    assert.deepEqual(parseDurationInput('h'), parseDuration('h'));
  });

  it('reads a short form with the PIM rules', () => {
    const p = parseDurationInput('90m');
    assert.ok(p.ok);
    assert.equal(p.minutes, 90);
    assert.equal(p.canonical, 'PT1H30M');
  });
});
