import * as assert from 'node:assert/strict';
import { allOperations, buildPlan, Plan } from '../../../src/plan';
import type { AppliedRecord } from '../../../src/plan';
import { group, HEADER, id, NOW, schedule, tenant } from './fixtures';
import { workspace } from './fixtures';

const OWNED = HEADER.replace(
  'displayName: PIM-Helpdesk\n',
  'displayName: PIM-Helpdesk\n  owners: [ user:lead@contoso.com ]\n',
);
const plan = (yaml: string, g = group(), lastApplied?: AppliedRecord): Plan =>
  buildPlan(workspace(yaml), tenant(g), { target: 'sandbox', now: NOW, lastApplied }).plan;
const owners = (p: Plan) =>
  allOperations(p).flatMap((o) =>
    o.kind === 'addOwner' || o.kind === 'removeOwner' ? [[o.kind, o.principal.ref, o.marks.join(',')]] : [],
  );
const ownerSchedule = (ref: string, opts: Parameters<typeof schedule>[2]) =>
  schedule(ref, 'active', { role: 'owner', id: `owner_${id(ref)}`, ...opts });

describe('plan: group.owners', () => {
  it('adds a listed owner and removes a standing one not listed; without owners: nothing at all', () => {
    const g = group({ owners: [id('user:alice@contoso.com')] });
    assert.deepEqual(owners(plan(OWNED, g)), [
      ['addOwner', 'user:lead@contoso.com', ''],
      ['removeOwner', 'user:alice@contoso.com', 'removal'],
    ]);
    assert.deepEqual(owners(plan(HEADER, g)), []);
  });

  it('keeps owners who own through PIM: an activated or time-bound owner schedule, or an owner assignment the file lists', () => {
    const g = group({
      owners: [id('user:lead@contoso.com'), id('user:alice@contoso.com'), id('user:bob@contoso.com')],
      schedules: [
        ownerSchedule('user:alice@contoso.com', { permanent: true, assignmentType: 'Activated' }),
        ownerSchedule('user:bob@contoso.com', { days: 10 }),
      ],
    });
    assert.deepEqual(owners(plan(OWNED, g)), []);
    const listed = group({ owners: [id('user:lead@contoso.com'), id('user:bob@contoso.com')] });
    const withAssignment = `${OWNED}assignments:\n  mode: additive\n  eligible:\n    - { principal: user:bob@contoso.com, role: owner, duration: P30D }\n`;
    assert.deepEqual(owners(plan(withAssignment, listed)), []);
  });

  it('does not count a listed standing owner as an unlisted owner assignment in authoritative mode', () => {
    const g = group({
      owners: [id('user:lead@contoso.com')],
      schedules: [ownerSchedule('user:lead@contoso.com', { permanent: true, start: null })],
    });
    const text = `${OWNED}assignments:\n  active: []\n`;
    assert.deepEqual(
      allOperations(plan(text, g)).map((o) => o.kind),
      [],
      'the standing owner is the owners list to keep',
    );
  });

  it('marks drift both ways against the applied record', () => {
    const p = buildPlan(workspace(OWNED), tenant(group({ owners: [id('user:lead@contoso.com')] })), {
      target: 'sandbox',
      now: NOW,
    });
    const record = { ...p.record, appliedAt: NOW.toISOString() };
    const gone = group({ owners: [id('user:alice@contoso.com'), id('user:bob@contoso.com')] });
    assert.deepEqual(owners(plan(OWNED, gone, record)), [
      ['addOwner', 'user:lead@contoso.com', 'drift'],
      ['removeOwner', 'user:alice@contoso.com', 'removal,drift'],
      ['removeOwner', 'user:bob@contoso.com', 'removal,drift'],
    ]);
  });

  it('PIM241: a list without a user would remove the last user owner; nothing is planned for owners', () => {
    const text = HEADER.replace('displayName: PIM-Helpdesk\n', 'displayName: PIM-Helpdesk\n  owners: []\n');
    const p = plan(text, group({ owners: [id('user:alice@contoso.com')] }));
    assert.deepEqual(
      p.issues.map((i) => [i.code, i.severity]),
      [['PIM241', 'error']],
    );
    assert.deepEqual(owners(p), []);
  });
});
