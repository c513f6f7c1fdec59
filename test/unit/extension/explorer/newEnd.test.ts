import * as assert from 'assert';
import { parseNewEnd } from '../../../../src/extension/explorer/newEnd';

const NOW = Date.parse('2026-11-30T10:00:00Z');
const update = { now: NOW, allowPermanent: true };
const extend = { now: NOW, currentEnd: Date.parse('2026-12-10T10:00:00Z'), mustBeLater: true, allowPermanent: false };

describe('extension: the new end an administrator types (Update, Extend, Renew)', () => {
  it('reads a length from now in the short form or ISO 8601 as an exact end', () => {
    assert.deepStrictEqual(parseNewEnd('30d', update), {
      ok: true,
      spec: { until: '2026-12-30T10:00:00Z' },
      endMs: Date.parse('2026-12-30T10:00:00Z'),
    });
    const iso = parseNewEnd('PT8H', update);
    assert.ok(iso.ok && iso.spec.until === '2026-11-30T18:00:00Z', JSON.stringify(iso));
  });

  it('reads a date-time with its zone, and says how to write a date without a time', () => {
    const r = parseNewEnd('2027-03-31T23:59:59Z', update);
    assert.ok(r.ok && r.spec.until === '2027-03-31T23:59:59Z', JSON.stringify(r));
    const date = parseNewEnd('2027-03-31', update);
    assert.ok(!date.ok && /2027-03-31T00:00:00Z/.test(date.message), JSON.stringify(date));
  });

  it('takes "permanent" for an update, and refuses it for an extension', () => {
    assert.deepStrictEqual(parseNewEnd('Permanent', update), { ok: true, spec: { permanent: true } });
    const r = parseNewEnd('permanent', extend);
    assert.ok(!r.ok && /Update Assignment/.test(r.message), JSON.stringify(r));
  });

  it('refuses an extension that does not go past the current end', () => {
    const r = parseNewEnd('5d', extend);
    assert.ok(!r.ok && /later than the current end \(2026-12-10T10:00:00\.000Z\)/.test(r.message), JSON.stringify(r));
    assert.ok(parseNewEnd('11d', extend).ok);
  });

  it("refuses what PIM refuses, in the editor's words: too short, weeks, nonsense", () => {
    const short = parseNewEnd('2m', update);
    assert.ok(!short.ok && /at least 5 minutes/.test(short.message), JSON.stringify(short));
    const weeks = parseNewEnd('P2W', update);
    assert.ok(!weeks.ok && /P14D/.test(weeks.message), JSON.stringify(weeks));
    assert.ok(!parseNewEnd('soon', update).ok);
    assert.ok(!parseNewEnd('  ', update).ok);
  });
});
