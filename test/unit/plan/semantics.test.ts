import * as assert from 'node:assert/strict';
import { allOperations, buildPlan, Plan, readScopeOf } from '../../../src/plan';
import type { AppliedRecord } from '../../../src/plan';
import type { PlanOptions } from '../../../src/plan/planner';
import { group, GROUP_ID, HEADER, id, NOW, schedule, tenant, workspace } from './fixtures';
import { edit } from '../fixtureEdit';

const DAY = 86_400_000;
const build = (yaml: string, state = tenant(group()), opts: Partial<PlanOptions> = {}) =>
  buildPlan(workspace(yaml), state, { target: 'sandbox', now: NOW, ...opts });
const plan = (yaml: string, state = tenant(group()), opts: Partial<PlanOptions> = {}): Plan =>
  build(yaml, state, opts).plan;
const summaries = (p: Plan) =>
  allOperations(p).map((o) => `${o.summary}${o.marks.length ? ` [${o.marks.join(', ')}]` : ''}`);
const codes = (p: Plan) => p.issues.map((i) => i.code);

/** What apply would have kept after planning `yaml` against `state` at `at`. */
function recordOf(yaml: string, state = tenant(group()), at = NOW): AppliedRecord {
  const { record } = buildPlan(workspace(yaml), state, { target: 'sandbox', now: at });
  return { ...record, appliedAt: at.toISOString() };
}

const ERIN_P7D = (renew = '') => `${HEADER}assignments:
  eligible:
    - principal: user:alice@contoso.com
      duration: P7D${renew}
`;

describe('plan semantics: expiry and renewal', () => {
  // Applied eight days ago as P7D; the sandbox (and PIM) no longer lists the schedule: it ended by itself.
  const appliedAt = new Date(NOW.getTime() - 8 * DAY);
  const applied = () => recordOf(ERIN_P7D(), tenant(group()), appliedAt);

  it('reports an expired assignment with renew: never (the default), plans nothing and is not drift', () => {
    const p = plan(ERIN_P7D(), tenant(group()), { lastApplied: applied() });
    assert.deepEqual(allOperations(p), []);
    assert.deepEqual(codes(p), ['PIM221']);
    assert.equal(p.issues[0].severity, 'warning');
    assert.match(
      p.issues[0].message,
      /expired on 2026-11-25 10:00 UTC; not renewed \(renew: never\).*Remove it from the file/,
    );
    assert.equal(p.summary.drift, 0);
  });

  it('keeps reporting it after the next apply: the record remembers when it ended', () => {
    const { record } = build(ERIN_P7D(), tenant(group()), { lastApplied: applied() });
    const again = plan(ERIN_P7D(), tenant(group()), { lastApplied: { ...record, appliedAt: NOW.toISOString() } });
    assert.deepEqual(codes(again), ['PIM221']);
    assert.deepEqual(allOperations(again), []);
  });

  it('re-grants it marked [renewal] with renew: auto on the assignment or as the file default', () => {
    const own = plan(ERIN_P7D('\n      renew: auto'), tenant(group()), { lastApplied: applied() });
    assert.deepEqual(summaries(own), [
      'renew eligible member user:alice@contoso.com for P7D (expired on 2026-11-25 10:00 UTC) [renewal]',
    ]);
    assert.deepEqual(codes(own), []);
    const fileDefault = plan(ERIN_P7D().replace('assignments:\n', 'assignments:\n  renew: auto\n'), tenant(group()), {
      lastApplied: applied(),
    });
    assert.deepEqual(
      allOperations(fileDefault).map((o) => o.marks),
      [['renewal']],
    );
    const overridden = plan(
      ERIN_P7D('\n      renew: never').replace('assignments:\n', 'assignments:\n  renew: auto\n'),
      tenant(group()),
      { lastApplied: applied() },
    );
    assert.deepEqual(allOperations(overridden), []);
  });

  it('calls an assignment removed in the tenant before its end drift, not expiry', () => {
    const yesterday = recordOf(ERIN_P7D(), tenant(group()), new Date(NOW.getTime() - DAY));
    assert.deepEqual(summaries(plan(ERIN_P7D(), tenant(group()), { lastApplied: yesterday })), [
      'add eligible member user:alice@contoso.com for P7D [drift]',
    ]);
  });

  it('warns on an until that has passed for that assignment only; the rest of the group is planned', () => {
    const yaml = `${HEADER}assignments:
  eligible:
    - principal: user:alice@contoso.com
      until: 2026-11-20T00:00:00Z
    - principal: user:bob@contoso.com
      duration: P30D
`;
    const p = plan(yaml);
    assert.deepEqual(codes(p), ['PIM220']);
    assert.match(p.issues[0].message, /user:alice@contoso.com ended on 2026-11-20 00:00 UTC.*Remove it from the file/);
    assert.deepEqual(summaries(p), ['add eligible member user:bob@contoso.com for P30D']);
  });
});

describe('plan semantics: drift is attributed per principal from the applied record', () => {
  const BOTH = `${HEADER}assignments:
  eligible:
    - principal: user:alice@contoso.com
      duration: P30D
    - principal: user:bob@contoso.com
      duration: P30D
`;
  const ALICE = `${HEADER}assignments:
  eligible:
    - principal: user:alice@contoso.com
      duration: P30D
`;
  const both = () =>
    tenant(
      group({
        schedules: [
          schedule('user:alice@contoso.com', 'eligible'),
          { ...schedule('user:bob@contoso.com', 'eligible'), id: 'bob' },
        ],
      }),
    );

  it('a removal that comes from the file is a plain [removal]', () => {
    const p = plan(ALICE, both(), { lastApplied: recordOf(BOTH, both()) });
    assert.deepEqual(summaries(p), [
      'remove eligible member user:bob@contoso.com (until 2026-12-01T00:00:00.000Z; not in the definitions) [removal]',
    ]);
  });

  it('a principal added in the tenant since the last apply is [removal, drift]', () => {
    const alone = tenant(group({ schedules: [schedule('user:alice@contoso.com', 'eligible')] }));
    const p = plan(ALICE, both(), { lastApplied: recordOf(ALICE, alone) });
    assert.deepEqual(summaries(p), [
      'remove eligible member user:bob@contoso.com (until 2026-12-01T00:00:00.000Z; added in the tenant since the last apply) [removal, drift]',
    ]);
  });

  it('without a record nothing is called drift', () => {
    assert.deepEqual(
      allOperations(plan(ALICE, both())).map((o) => o.marks),
      [['removal']],
    );
  });
});

describe('plan semantics: authority per kind', () => {
  const owner = (ref: string, kind: 'eligible' | 'active') => ({
    ...schedule(ref, kind),
    id: `${ref}-${kind}-owner`,
    role: 'owner' as const,
  });

  it('eligible: [] means nobody is eligible, as member or owner: every eligibility is removed and marked', () => {
    const state = tenant(
      group({
        schedules: [
          schedule('user:alice@contoso.com', 'eligible'),
          owner('user:bob@contoso.com', 'eligible'),
          schedule('user:lead@contoso.com', 'active'),
        ],
      }),
    );
    const p = plan(`${HEADER}assignments:\n  eligible: []\n`, state);
    assert.deepEqual(
      allOperations(p).map((o) => [
        o.kind,
        o.kind === 'removeAssignment' && `${o.assignmentKind} ${o.role} ${o.principal.ref}`,
        o.marks,
      ]),
      [
        ['removeAssignment', 'eligible member user:alice@contoso.com', ['removal']],
        ['removeAssignment', 'eligible owner user:bob@contoso.com', ['removal']],
      ],
      'the active list is not written, so active schedules are not managed',
    );
  });

  it('a list that is left out is not managed: listing eligible members never removes active ones', () => {
    const state = tenant(
      group({
        schedules: [schedule('user:alice@contoso.com', 'eligible'), schedule('user:lead@contoso.com', 'active')],
      }),
    );
    const p = plan(
      `${HEADER}assignments:\n  eligible:\n    - principal: user:alice@contoso.com\n      duration: P30D\n`,
      state,
    );
    assert.deepEqual(allOperations(p), []);
  });

  it('a written list is authoritative only for the roles it names; additive mode removes nothing', () => {
    const state = tenant(
      group({ schedules: [schedule('user:alice@contoso.com', 'eligible'), owner('user:bob@contoso.com', 'eligible')] }),
    );
    const yaml = `${HEADER}assignments:\n  eligible:\n    - principal: user:alice@contoso.com\n      duration: P30D\n`;
    assert.deepEqual(allOperations(plan(yaml, state)), []);
    assert.deepEqual(allOperations(plan(`${HEADER}assignments:\n  mode: additive\n  eligible: []\n`, state)), []);
  });
});

describe('plan semantics: identity through the applied record', () => {
  const RENAMED = edit(HEADER, ['displayName: PIM-Helpdesk', 'displayName: PIM-Helpdesk-Renamed']);

  it("keeps each definition's group id, and reads that group by id when the file pins none", () => {
    const record = recordOf(HEADER);
    assert.equal(record.groups.helpdesk.groupId, GROUP_ID);
    const scope = readScopeOf(workspace(RENAMED), { lastApplied: record, target: 'sandbox' });
    assert.deepEqual(scope.groups, [
      { key: 'helpdesk', displayName: 'PIM-Helpdesk-Renamed', id: GROUP_ID, recorded: true },
    ]);
  });

  it('plans a changed display name as a rename of the same group, and says how to pin it', () => {
    const p = plan(RENAMED, tenant(group()), { lastApplied: recordOf(HEADER) });
    assert.deepEqual(summaries(p), ["rename group displayName 'PIM-Helpdesk' → 'PIM-Helpdesk-Renamed'"]);
    assert.deepEqual(codes(p), ['PIM215']);
    assert.match(p.issues[0].message, new RegExp(`Pin it in the file with group.id: ${GROUP_ID}`));
  });

  it('renames the group back, marked drift, when it was renamed in the tenant', () => {
    const p = plan(HEADER, tenant(group({ displayName: 'Renamed in the portal' })), { lastApplied: recordOf(HEADER) });
    assert.deepEqual(
      allOperations(p).map((o) => [o.kind, o.marks]),
      [['updateGroup', ['drift']]],
    );
    assert.deepEqual(codes(p), []);
  });

  it('reports a definition deleted since the last apply, with what still exists and the two ways out', () => {
    const record = recordOf(HEADER);
    record.groups.retired = { ...record.groups.helpdesk, group: { displayName: 'PIM-Retired' } };
    const state = tenant(group());
    state.groups.retired = {
      state: 'found',
      group: group({ displayName: 'PIM-Retired', schedules: [schedule('user:alice@contoso.com', 'eligible')] }),
    };
    const p = plan(HEADER, state, { lastApplied: record });
    assert.deepEqual(codes(p), ['PIM217']);
    assert.match(
      p.issues[0].message,
      /'retired' \(group 'PIM-Retired', from groups\/helpdesk.pim.yaml\) was applied before and is no longer in the definitions/,
    );
    assert.match(p.issues[0].message, /still exists with 1 eligible and 0 active assignment\(s\)/);
    assert.match(p.issues[0].message, /assignments: \{ eligible: \[\], active: \[\] \}.*apply with --forget retired/);
    assert.deepEqual(codes(plan(HEADER, state, { lastApplied: record, forget: ['retired'] })), []);
    assert.deepEqual(
      codes(plan(HEADER, state, { lastApplied: record, covers: () => false })),
      [],
      'a file outside the planned paths is not judged',
    );
  });

  it('records each listed assignment with its principal id and end', () => {
    const record = recordOf(ERIN_P7D());
    assert.deepEqual(record.groups.helpdesk.grants, [
      {
        kind: 'eligible',
        role: 'member',
        principalId: id('user:alice@contoso.com'),
        key: record.groups.helpdesk.assignments[0],
        end: '2026-12-03T10:00:00.000Z',
      },
    ]);
    assert.deepEqual(record.groups.helpdesk.authority, { eligible: ['member'] });
  });
});
