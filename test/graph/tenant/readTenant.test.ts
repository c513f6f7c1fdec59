// The tenant reader reads the onboarded list beside the three rounds (it is paged, one link after another, and only
// the groups' `onboarded` flags need it); the flags must still come from every page of it.
import * as assert from 'node:assert/strict';
import { readActualState } from '../../../src/tenant/readTenant';
import { addGroup } from '../../../src/sandbox/seed/build';
import { harness, Harness } from '../harness/harness';

describe('tenant reader: which groups are onboarded to PIM', function () {
  this.timeout(60_000);
  let h: Harness;
  before(async () => {
    h = await harness();
  });
  after(() => h.close());

  it('takes each group’s flag from the whole onboarded list, its later pages included', async () => {
    const created = new Date(Date.now() - 86_400_000).toISOString();
    for (let i = 0; i < 150; i++) addGroup(h.sb.state, `Onboarded filler ${i}`, created, { pimOnboarded: true });
    addGroup(h.sb.state, 'Onboarded last', created, { pimOnboarded: true });
    addGroup(h.sb.state, 'Never onboarded', created);
    const pages = () => h.sb.requestLog.filter((e) => e.method === 'GET' && e.path.includes('/group/resources')).length;
    const before = pages();

    const state = await readActualState(h.t, {
      groups: [
        { key: 'last', displayName: 'Onboarded last' },
        { key: 'never', displayName: 'Never onboarded' },
      ],
      principalRefs: [],
    });

    const flag = (key: string) => {
      const lookup = state.groups[key];
      assert.equal(lookup.state, 'found', key);
      return lookup.state === 'found' && lookup.group.onboarded;
    };
    assert.equal(flag('last'), true);
    assert.equal(flag('never'), false);
    assert.ok(
      pages() - before >= 2,
      `the onboarded list took ${pages() - before} page(s); this test needs two or more`,
    );
  });
});
