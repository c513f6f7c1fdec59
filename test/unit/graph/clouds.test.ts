import * as assert from 'node:assert/strict';
import { cloudEndpoints, graphScope, isCloud } from '../../../src/graph/clouds';
import { pollUntil } from '../../../src/apply/poll';

describe('national clouds', () => {
  it('reach Graph and sign-in by host name only', () => {
    assert.deepEqual(cloudEndpoints('global'), {
      graph: 'https://graph.microsoft.com',
      authority: 'https://login.microsoftonline.com',
    });
    assert.equal(cloudEndpoints('usgov').graph, 'https://graph.microsoft.us');
    assert.equal(cloudEndpoints('usgovdod').graph, 'https://dod-graph.microsoft.us');
    assert.equal(cloudEndpoints('china').graph, 'https://microsoftgraph.chinacloudapi.cn');
    assert.equal(graphScope('https://graph.microsoft.us/'), 'https://graph.microsoft.us/.default');
    assert.ok(isCloud('china') && !isCloud('germany'));
  });
});

describe('bounded polling for replication', () => {
  it('returns as soon as the probe sees the object', async () => {
    let calls = 0;
    assert.equal(
      await pollUntil(async () => (++calls >= 3 ? 'visible' : undefined), 'a group', { initialMs: 1 }),
      'visible',
    );
    assert.equal(calls, 3);
  });

  it('gives up at its deadline with a message that says what to do', async () => {
    await assert.rejects(
      pollUntil(async () => undefined, 'the new group to become visible', { timeoutMs: 20, initialMs: 5 }),
      /Timed out waiting for the new group to become visible .*apply again/,
    );
  });
});
