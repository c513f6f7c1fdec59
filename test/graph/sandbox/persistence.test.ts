import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Client, PIM, withSandbox } from './harness';
import { saveState, loadState } from '../../../src/sandbox/store';

describe('sandbox persistence', () => {
  let dir: string;
  beforeEach(() => { dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pim-sandbox-')); });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('keeps groups, schedules and onboarding across a restart from the data file', async () => {
    const file = path.join(dir, 'tenant.json');
    const first = await withSandbox({ seed: 'empty', dataFile: file });
    const created = await first.admin.post('/v1.0/groups', { displayName: 'PIM-Persist', mailEnabled: false, mailNickname: 'pim-persist', securityEnabled: true });
    const admin = Object.values(first.sb.state.users)[0].id;
    const req = await first.admin.post(`${PIM}/eligibilityScheduleRequests`, { action: 'adminAssign', accessId: 'owner', groupId: created.body.id, principalId: admin, scheduleInfo: { expiration: { type: 'afterDuration', duration: 'P10D' } } });
    assert.equal(req.status, 201);
    await first.sb.close();

    const second = await withSandbox({ seed: 'demo', dataFile: file });
    try {
      const c: Client = second.admin;
      const g = await c.get(`/v1.0/groups/${created.body.id}`);
      assert.equal(g.body.displayName, 'PIM-Persist');
      const s = await c.get(`${PIM}/eligibilitySchedules?$filter=groupId eq '${created.body.id}'`);
      assert.equal(s.body.value.length, 1);
      assert.equal(s.body.value[0].id, req.body.targetScheduleId);
      assert.equal(Object.keys(second.sb.state.users).length, 1, 'the file wins over the seed');
      const next = await c.post('/v1.0/groups', { displayName: 'PIM-Persist-2', mailEnabled: false, mailNickname: 'pim-persist-2', securityEnabled: true });
      assert.notEqual(next.body.id, created.body.id, 'ids stay unique after a restart');
    } finally { await second.sb.close(); }
  });

  it('never leaves a torn file: a leftover temp file from a crashed write does not affect the data file', async () => {
    const file = path.join(dir, 'tenant.json');
    const { sb } = await withSandbox({ seed: 'empty', dataFile: file });
    await sb.close();
    const good = fs.readFileSync(file, 'utf8');
    fs.writeFileSync(path.join(dir, '.tenant.json.999.tmp'), good.slice(0, good.length / 2)); // a write that died half-way
    assert.equal(loadState(file)?.seed, 'empty');
    saveState(file, { ...JSON.parse(good), seed: 'empty' });
    assert.doesNotThrow(() => JSON.parse(fs.readFileSync(file, 'utf8')));
    assert.deepEqual(fs.readdirSync(dir).filter((f) => f.endsWith('.tmp')), ['.tenant.json.999.tmp']);
  });
});
