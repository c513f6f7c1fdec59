import * as assert from 'node:assert/strict';
import { HOVER_VALUE_PATTERN, valueHover } from '../../../../src/extension/definitions/valueHover';

const NOW = new Date('2026-11-26T09:00:00Z');

describe('extension: hovering a duration or an instant', () => {
  it('says a duration in words', () => {
    assert.equal(valueHover('PT8H', NOW), '**PT8H** — 8 hours');
    assert.equal(valueHover('P1DT2H30M', NOW), '**P1DT2H30M** — 1 day 2 hours 30 minutes');
    assert.equal(valueHover('PT90M', NOW), '**PT90M** — 1 hour 30 minutes (also written `PT1H30M`)');
  });

  it('explains a duration PIM refuses', () => {
    assert.match(valueHover('P1Y', NOW)!, /^\*\*P1Y\*\* — .*P365D/);
  });

  it('says when an instant is, and how far from now', () => {
    assert.equal(
      valueHover('2026-11-29T09:00:00Z', NOW),
      '**2026-11-29T09:00:00Z** — Sun, 29 Nov 2026 09:00:00 UTC, in 3 days',
    );
    assert.equal(
      valueHover('2026-11-26T10:00:00+02:00', NOW),
      '**2026-11-26T10:00:00+02:00** — Thu, 26 Nov 2026 08:00:00 UTC, 1 hour ago',
    );
  });

  it('says nothing about other words', () => {
    assert.equal(valueHover('PimGroup', NOW), undefined);
    assert.equal(valueHover('2026-13-45T00:00:00Z', NOW), undefined);
  });

  it('finds whole values under the cursor', () => {
    assert.equal(HOVER_VALUE_PATTERN.exec('  until: 2027-03-31T23:59:59+10:00')![0], '2027-03-31T23:59:59+10:00');
    assert.equal(HOVER_VALUE_PATTERN.exec('  maxDuration: P1DT2H # x')![0], 'P1DT2H');
  });
});
