import * as assert from 'node:assert/strict';
import { getByIds, GET_BY_IDS_LIMIT } from '../../../src/graph/api/directoryObjects';
import { namesOf } from '../../../src/extension/common/myAccess/myAccessSource';
import { loadEngine } from '../../../src/extension/engine/engineLoader';
import { harness, Harness } from '../harness/harness';

describe('graph: directoryObjects/getByIds for any number of ids', function () {
  this.timeout(60_000);
  let h: Harness;
  // 1,200 users: more than one request may carry (the service refuses more than 1,000 ids).
  beforeEach(async () => {
    h = await harness({ scale: { groups: 1, assignmentsPerGroup: 1200 } });
  });
  afterEach(async () => {
    await h.close();
  });

  const userIds = () => Object.keys(h.sb.state.users);

  it('finds every one of more than 1,000 ids, asking for each id once', async () => {
    const ids = userIds();
    assert.ok(ids.length > GET_BY_IDS_LIMIT, `${ids.length} users`);
    const found = await getByIds<{ id: string }>(h.t, [...ids, ...ids.slice(0, 10)], ['user']);
    assert.deepEqual(found.map((o) => o.id).sort(), [...ids].sort());
    const sent = h.sb.requestLog.filter((e) => e.path.endsWith('/directoryObjects/getByIds'));
    assert.equal(sent.length, Math.ceil(ids.length / GET_BY_IDS_LIMIT), 'one request per 1,000 ids');
  });

  it('names every requester in the editor, not only the first 1,000', async () => {
    const ids = userIds();
    const names = await namesOf(loadEngine(), h.t, ids);
    assert.equal(names.size, ids.length);
    assert.equal(names.get(ids.at(-1)!), h.sb.state.users[ids.at(-1)!].displayName);
  });

  it('asks nothing for no ids', async () => {
    const before = h.sb.requestLog.length;
    assert.deepEqual(await getByIds(h.t, [], ['group']), []);
    assert.equal(h.sb.requestLog.length, before);
  });
});
