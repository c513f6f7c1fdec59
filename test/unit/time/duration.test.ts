import * as assert from 'node:assert/strict';
import { formatDuration, parseDuration, durationMinutes } from '../../../src/time';

describe('time: ISO 8601 durations with the PIM rules', () => {
  const accepted: [string, number, string][] = [
    ['P90D', 90 * 1440, 'P90D'],
    ['PT8H', 480, 'PT8H'],
    ['PT1H45M', 105, 'PT1H45M'],
    ['P1DT2H', 1440 + 120, 'P1DT2H'],
    ['PT30M', 30, 'PT30M'],
    ['PT5M', 5, 'PT5M'],
    ['PT24H', 1440, 'P1D'],
    ['PT90M', 90, 'PT1H30M'],
    ['P0D', 0, 'PT0M'],
    ['P1DT0H5M', 1445, 'P1DT5M'],
    ['P365D', 365 * 1440, 'P365D'],
  ];
  for (const [text, minutes, canonical] of accepted) {
    it(`reads ${text} as ${minutes} minutes, canonically ${canonical}`, () => {
      assert.deepEqual(parseDuration(text), { ok: true, minutes, canonical });
    });
  }

  const refused: [string, string[], string | undefined][] = [
    ['P1Y', ['Y'], 'P365D'],
    ['P6M', ['M'], 'P180D'],
    ['P2W', ['W'], 'P14D'],
    ['P1Y2M', ['Y', 'M'], 'P425D'],
    ['P1WT2H', ['W'], 'P7DT2H'],
    ['PT120S', ['S'], 'PT2M'],
    ['PT90S', ['S'], undefined],
  ];
  for (const [text, units, suggestion] of refused) {
    it(`refuses ${text} as a unit PIM rejects${suggestion ? `, suggesting ${suggestion}` : ' without a suggestion'}`, () => {
      const p = parseDuration(text);
      assert.equal(p.ok, false);
      if (p.ok || p.error !== 'unsupported-unit') return assert.fail('expected unsupported-unit');
      assert.deepEqual(p.units, units);
      assert.equal(p.suggestion, suggestion);
      if (suggestion) assert.match(p.message, new RegExp(suggestion));
    });
  }

  for (const text of [
    '',
    'P',
    'PT',
    '90D',
    'P90',
    'PT8',
    'P1.5D',
    'PT0,5H',
    'p90d',
    'P-1D',
    'P1H',
    'PT1D',
    'P 1D',
    '8h',
    'P1DT',
    'P99999999999999999999D',
  ]) {
    it(`refuses '${text}' as syntax`, () => {
      const p = parseDuration(text);
      assert.equal(p.ok, false);
      assert.equal(!p.ok && p.error, 'syntax');
    });
  }

  it('tells the author to use upper case for a lower-case duration', () => {
    const p = parseDuration('pt8h');
    assert.ok(!p.ok && /PT8H/.test(p.message));
  });

  it('formats minutes canonically and refuses fractions or negatives', () => {
    assert.equal(formatDuration(5), 'PT5M');
    assert.equal(formatDuration(60), 'PT1H');
    assert.equal(formatDuration(1441), 'P1DT1M');
    assert.equal(formatDuration(129600), 'P90D');
    assert.throws(() => formatDuration(1.5), RangeError);
    assert.throws(() => formatDuration(-1), RangeError);
  });

  it('round-trips every canonical form through parse and format', () => {
    for (let minutes = 0; minutes < 3 * 1440; minutes += 7) {
      const text = formatDuration(minutes);
      assert.deepEqual(parseDuration(text), { ok: true, minutes, canonical: text });
    }
  });

  it('gives total minutes only for durations PIM accepts', () => {
    assert.equal(durationMinutes('PT1H45M'), 105);
    assert.equal(durationMinutes('P1Y'), undefined);
    assert.equal(durationMinutes('nope'), undefined);
  });
});
