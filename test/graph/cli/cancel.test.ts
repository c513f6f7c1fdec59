// Ctrl+C at any point of `apply`: a clear message and exit code 130, never a crash or a false "the tenant changed";
// nothing is applied twice, and the next run finishes the job.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import type { RequestLogEntry } from '../../../src/sandbox';
import { harness, Harness } from '../harness/harness';
import { run, tempWorkspace, testIo } from '../harness/cliIo';

// getByIds is a POST that only reads; $batch is the envelope (its inner requests are logged one by one).
const isWrite = (e: RequestLogEntry) =>
  e.method !== 'GET' && !e.path.endsWith('/$batch') && !e.path.endsWith('/directoryObjects/getByIds');
const isOnboardedList = (e: RequestLogEntry) =>
  e.method === 'GET' && e.path.includes('/privilegedAccess/group/resources');

/** What a write did, without the instants of its schedule (a re-sent request differs only there). */
function effectOf(e: RequestLogEntry): string {
  const { scheduleInfo: _s, ...rest } = (e.body ?? {}) as Record<string, unknown>;
  return `${e.method} ${e.path} ${JSON.stringify(rest)}`;
}

describe('cli: cancelling apply (Ctrl+C) at any point', function () {
  this.timeout(180_000);
  let h: Harness;
  let dir: string;
  beforeEach(async () => {
    h = await harness({ latencyMs: 2 });
    dir = tempWorkspace();
  });
  afterEach(async () => {
    await h.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  /** Aborts the run's signal when the sandbox has logged the request that `when` picks (the log is in answer order). */
  function cancelWhen(when: (log: RequestLogEntry[]) => boolean): AbortSignal {
    const controller = new AbortController();
    const log = h.sb.requestLog;
    const push = log.push.bind(log);
    log.push = (...entries: RequestLogEntry[]) => {
      const n = push(...entries);
      if (!controller.signal.aborted && when(log)) controller.abort();
      return n;
    };
    return controller.signal;
  }

  const cases: [string, boolean, (log: RequestLogEntry[]) => boolean][] = [
    ['during the reads of the plan', false, (log) => log.length === 3],
    ['during the re-read that checks the plan is current', false, (log) => log.filter(isOnboardedList).length === 2],
    ['while the first write is on its way back', true, (log) => log.some(isWrite)],
    ['between writes (after the 8th)', true, (log) => log.filter(isWrite).length === 8],
  ];
  for (const [when, wrote, trigger] of cases) {
    it(`${when}: says what happened, exits 130, and the next apply converges without repeating a write`, async () => {
      const io = testIo(dir);
      io.signal = cancelWhen(trigger);
      assert.equal(await run(['apply', 'examples', '--yes', '--sandbox', h.sb.url], io), 130, io.text());
      assert.doesNotMatch(io.text(), /Cannot read properties|tenant changed|TypeError/);
      const writes = h.sb.requestLog.filter(isWrite);
      if (wrote) {
        assert.ok(writes.length > 0);
        assert.match(
          io.errors.join('\n'),
          /^Cancelled after \d+ of \d+ operations; run plan again to see what is left\.$/m,
        );
        assert.match(io.text(), /Applied: \d+ done, 0 failed, \d+ skipped, \d+ cancelled\./);
      } else {
        assert.deepEqual(writes, [], 'nothing was sent');
        assert.deepEqual(io.errors, ['pim-groups apply: Cancelled: nothing was applied.']);
      }

      const finish = testIo(dir);
      assert.equal(await run(['apply', 'examples', '--yes', '--sandbox', h.sb.url], finish), 0, finish.text());
      const check = testIo(dir);
      assert.equal(
        await run(['plan', 'examples', '--detailed-exitcode', '--sandbox', h.sb.url], check),
        0,
        check.text(),
      );

      const succeeded = h.sb.requestLog.filter((e) => isWrite(e) && e.status >= 200 && e.status < 300);
      const effects = succeeded.map(effectOf);
      const twice = effects.filter((x, i) => effects.indexOf(x) !== i);
      assert.deepEqual(twice, [], 'no write was applied twice');
      const names = Object.values(h.sb.state.groups).map((g) => g.displayName);
      assert.equal(new Set(names).size, names.length, 'no group created twice');
    });
  }

  it('plan and export cancelled during their reads say so and exit 130', async () => {
    for (const argv of [
      ['plan', 'examples'],
      ['export', '--all', '--out', 'out'],
    ]) {
      h.sb.requestLog.length = 0;
      const io = testIo(dir);
      io.signal = cancelWhen((log) => log.length === 2);
      assert.equal(await run([...argv, '--sandbox', h.sb.url], io), 130, io.text());
      assert.deepEqual(io.errors, [`pim-groups ${argv[0]}: Cancelled: nothing was written.`]);
      assert.ok(!fs.existsSync(`${dir}/out`) || fs.readdirSync(`${dir}/out`).length === 0);
    }
  });
});
