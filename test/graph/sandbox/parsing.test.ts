import * as assert from 'node:assert/strict';
import { parseFilter, evalFilter, eqValues } from '../../../src/sandbox/filter';
import { parsePimDuration } from '../../../src/sandbox/duration';
import { indexList, indexedCandidates } from '../../../src/sandbox/prefilter';
import { HIDDEN, withHidden, withoutHidden } from '../../../src/sandbox/hiddenProps';

describe('sandbox parsers', () => {
  it('parses the $filter forms clients send and evaluates them case-insensitively', () => {
    const f = parseFilter("groupId eq 'G1' and principalId eq 'P1' and status ne 'Revoked'");
    assert.deepEqual([eqValues(f, 'groupId'), eqValues(f, 'principalid')], [['G1'], ['P1']]);
    assert.equal(evalFilter(f, { groupId: 'g1', principalId: 'p1', status: 'Provisioned' }), true);
    assert.equal(evalFilter(parseFilter("id in ('a','b')"), { id: 'B' }), true);
    assert.equal(evalFilter(parseFilter("startswith(displayName,'pim-')"), { displayName: 'PIM-Helpdesk' }), true);
    assert.equal(
      evalFilter(parseFilter("NOT(groupTypes/any(x:x eq 'DynamicMembership'))"), { groupTypes: ['Unified'] }),
      true,
    );
    assert.equal(evalFilter(parseFilter("createdBy/user/id eq 'U'"), { createdBy: { user: { id: 'u' } } }), true);
    assert.equal(evalFilter(parseFilter("displayName eq 'O''Brien'"), { displayName: "o'brien" }), true);
  });

  it('narrows a directory list before filtering without changing the answer', () => {
    const items = [
      { id: 'a1', displayName: 'Ops' },
      { id: 'B2', displayName: 'ops' },
      { id: 'c3', displayName: null },
      { id: 'd4', displayName: 'Finance' },
    ];
    const keys = { id: (i: (typeof items)[0]) => i.id, displayName: (i: (typeof items)[0]) => i.displayName };
    const cases: [string, number][] = [
      ["displayName eq 'OPS'", 2],
      ["displayName in ('finance','nobody') and id ne 'x'", 1],
      ["id eq 'b2' and displayName eq 'ops'", 1],
      ["id eq 'b2' and id eq 'a1'", 0],
      ["displayName eq 'ops' or id eq 'd4'", 4], // an `or` pins nothing: every item is a candidate
      ["not(displayName eq 'ops')", 4],
      ['displayName eq null', 1],
      ["startswith(displayName,'o')", 4],
    ];
    for (const [text, narrowed] of cases) {
      const f = parseFilter(text);
      const got = indexedCandidates(f, indexList(items, keys));
      assert.equal(got.length, narrowed, text);
      // In the list's order: a subsequence of the items.
      assert.deepEqual(
        got,
        items.filter((i) => got.includes(i)),
        text,
      );
      assert.deepEqual(
        got.filter((i) => evalFilter(f, i)),
        items.filter((i) => evalFilter(f, i)),
        text,
      );
    }
  });

  it('merges hidden properties into a view without losing or reordering any, a `__proto__` key kept as data', () => {
    const view = { id: 'g1', displayName: 'Ops', [HIDDEN]: { displayName: 'shadowed', isManagementRestricted: false } };
    assert.deepEqual(Object.entries(withHidden(view)), [
      ['id', 'g1'],
      ['displayName', 'shadowed'],
      ['isManagementRestricted', false],
    ]);
    assert.deepEqual(Object.entries(withoutHidden(view)), [
      ['id', 'g1'],
      ['displayName', 'Ops'],
    ]);
    const hostile = JSON.parse(`{"id":"g2","__proto__":{"polluted":true},"${HIDDEN}":{"__proto__":{"x":1}}}`);
    const merged = withHidden(hostile);
    assert.equal(Object.getPrototypeOf(merged), Object.prototype);
    assert.deepEqual(Object.keys(merged), ['id', '__proto__']);
    assert.deepEqual(Object.keys(withoutHidden(hostile)), ['id', '__proto__']);
    assert.equal(({} as { polluted?: boolean }).polluted, undefined);
  });

  it('refuses malformed filters with a 400', () => {
    for (const bad of ['groupId eq', "groupId like 'x'", "(groupId eq 'x'", "groupId eq 'x' junk"]) {
      assert.throws(
        () => parseFilter(bad),
        (e: { status?: number }) => e.status === 400,
        bad,
      );
    }
  });

  it('accepts day/hour/minute/second durations and tells calendar designators apart', () => {
    assert.deepEqual(parsePimDuration('PT1H45M'), { ok: true, ms: 105 * 60_000 });
    assert.deepEqual(parsePimDuration('P30D'), { ok: true, ms: 30 * 86_400_000 });
    for (const c of ['P1Y', 'P6M', 'P2W', 'P1Y2D'])
      assert.deepEqual(parsePimDuration(c), { ok: false, reason: 'calendar' });
    for (const s of ['P', 'PT', '30D', 'P1H', 'soon'])
      assert.deepEqual(parsePimDuration(s), { ok: false, reason: 'syntax' });
  });
});
