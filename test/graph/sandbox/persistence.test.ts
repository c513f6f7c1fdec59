import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Client, PIM, withSandbox } from './harness';
import { saveState, loadState } from '../../../src/sandbox/store';

describe('sandbox persistence', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pim-sandbox-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('keeps groups, schedules and onboarding across a restart from the data file', async () => {
    const file = path.join(dir, 'tenant.json');
    const first = await withSandbox({ seed: 'empty', dataFile: file });
    const created = await first.admin.post('/v1.0/groups', {
      displayName: 'PIM-Persist',
      mailEnabled: false,
      mailNickname: 'pim-persist',
      securityEnabled: true,
    });
    const admin = Object.values(first.sb.state.users)[0].id;
    const req = await first.admin.post(`${PIM}/eligibilityScheduleRequests`, {
      action: 'adminAssign',
      accessId: 'owner',
      groupId: created.body.id,
      principalId: admin,
      scheduleInfo: { expiration: { type: 'afterDuration', duration: 'P10D' } },
    });
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
      const next = await c.post('/v1.0/groups', {
        displayName: 'PIM-Persist-2',
        mailEnabled: false,
        mailNickname: 'pim-persist-2',
        securityEnabled: true,
      });
      assert.notEqual(next.body.id, created.body.id, 'ids stay unique after a restart');
    } finally {
      await second.sb.close();
    }
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
    assert.deepEqual(
      fs.readdirSync(dir).filter((f) => f.endsWith('.tmp')),
      ['.tenant.json.999.tmp'],
    );
  });
});

describe('sandbox persistence under a crash', () => {
  it('leaves a readable data file when the writing process is killed mid-way through a stream of writes', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pim-sandbox-crash-'));
    const file = path.join(dir, 'tenant.json');
    try {
      // A child process rewrites a large tenant (5,000 groups) as fast as it can; it is killed with SIGKILL after
      // its third completed write, i.e. almost certainly in the middle of another one.
      const script = `
        const { saveState } = require(${JSON.stringify(path.resolve(__dirname, '../../../src/sandbox/store'))});
        const { emptySeed } = require(${JSON.stringify(path.resolve(__dirname, '../../../src/sandbox/seed/empty'))});
        const { addBulk } = require(${JSON.stringify(path.resolve(__dirname, '../../../src/sandbox/seed/bulk'))});
        const s = emptySeed(); addBulk(s, 5000, 2, new Date('2026-11-26T10:00:00Z'));
        for (let i = 0; ; i++) { s.idCounter = i; saveState(${JSON.stringify(file)}, s); process.stdout.write('w' + i + '\\n'); }`;
      const { spawn } = await import('node:child_process');
      const child = spawn(process.execPath, ['-e', script], { stdio: ['ignore', 'pipe', 'inherit'] });
      let writes = 0;
      await new Promise<void>((resolve) => {
        child.stdout.on('data', (d: Buffer) => {
          writes += d.toString().split('\n').filter(Boolean).length;
          if (writes >= 3 && !child.killed) child.kill('SIGKILL');
        });
        child.on('exit', () => resolve());
      });
      const state = loadState(file);
      assert.equal(state?.seed, 'empty');
      assert.ok((state?.idCounter ?? -1) >= 2, 'a complete earlier or later write, never a torn one');
      assert.equal(Object.keys(state!.groups).length, 5000);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
