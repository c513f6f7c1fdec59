import * as assert from 'node:assert/strict';
import { addMinutes, formatInstant, minutesBetween, parseInstant } from '../../../src/time';

describe('time: RFC 3339 instants', () => {
  it('reads a UTC instant', () => {
    assert.deepEqual(parseInstant('2026-12-01T08:00:00Z'), {
      ok: true,
      epochMs: Date.UTC(2026, 11, 1, 8),
      canonical: '2026-12-01T08:00:00Z',
    });
  });

  it('reads an offset and normalises it to UTC', () => {
    const p = parseInstant('2026-12-01T18:00:00+10:00');
    assert.ok(p.ok);
    assert.equal(p.canonical, '2026-12-01T08:00:00Z');
    const q = parseInstant('2026-11-30T22:30:00-09:30');
    assert.ok(q.ok);
    assert.equal(q.canonical, '2026-12-01T08:00:00Z');
  });

  it('keeps milliseconds and drops them from the canonical form when zero', () => {
    const p = parseInstant('2027-03-31T23:59:59.250Z');
    assert.ok(p.ok);
    assert.equal(p.canonical, '2027-03-31T23:59:59.250Z');
    assert.equal(formatInstant(Date.UTC(2027, 2, 31)), '2027-03-31T00:00:00Z');
  });

  it('accepts a lower-case t and z as RFC 3339 allows', () => {
    assert.ok(parseInstant('2026-12-01t08:00:00z').ok);
  });

  it('refuses a date without a time and suggests midnight UTC', () => {
    const p = parseInstant('2026-12-01');
    assert.ok(!p.ok);
    assert.equal(p.suggestion, '2026-12-01T00:00:00Z');
  });

  it('refuses a date-time without a zone and suggests UTC', () => {
    const p = parseInstant('2026-12-01T08:00:00');
    assert.ok(!p.ok);
    assert.equal(p.suggestion, '2026-12-01T08:00:00Z');
  });

  for (const text of [
    '2026-02-29T00:00:00Z',
    '2026-13-01T00:00:00Z',
    '2026-04-31T00:00:00Z',
    '2026-12-01T24:00:00Z',
    '2026-12-01T08:60:00Z',
    '2026-12-01T08:00:60Z',
    '2026-12-01T08:00:00+24:00',
    'tomorrow',
    '',
    '2026-12-1T08:00:00Z',
  ]) {
    it(`refuses '${text}'`, () => assert.equal(parseInstant(text).ok, false));
  }

  it('accepts 29 February in a leap year', () => {
    assert.ok(parseInstant('2028-02-29T00:00:00Z').ok);
  });

  it('handles years below 100 without the 1900 shift', () => {
    const p = parseInstant('0050-01-01T00:00:00Z');
    assert.ok(p.ok);
    assert.equal(p.canonical, '0050-01-01T00:00:00Z');
  });

  it('adds minutes and measures whole minutes between instants', () => {
    const start = Date.UTC(2026, 11, 1, 8);
    assert.equal(addMinutes(start, 90), Date.UTC(2026, 11, 1, 9, 30));
    assert.equal(minutesBetween(start, Date.UTC(2026, 11, 1, 9, 30, 59)), 90);
    assert.equal(minutesBetween(Date.UTC(2026, 11, 1, 9, 30), start), -90);
  });
});
