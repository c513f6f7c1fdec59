import * as assert from 'node:assert/strict';
import { runInErrorBoundary } from '../../../../src/extension/infrastructure/errorBoundary';
import { UserCancelledError, oneSentence } from '../../../../src/extension/infrastructure/errors';
import { Log } from '../../../../src/extension/infrastructure/log';

/** A Log that keeps its lines, so the tests read what the output channel would get. */
function recordingLog(): Log & { lines: string[] } {
  const lines: string[] = [];
  const add = (level: string) => (m: string) => {
    lines.push(`${level} ${m}`);
  };
  return {
    lines,
    trace: add('trace'),
    debug: add('debug'),
    info: add('info'),
    warn: add('warn'),
    error: (m, e) => {
      lines.push(`error ${m}${e instanceof Error ? `\n${e.stack}` : ''}`);
    },
    show: () => {},
  };
}

function clock(...times: number[]) {
  return () => times.shift() ?? 0;
}

describe('extension: the command error boundary', () => {
  it('returns the value and logs start and duration', async () => {
    const log = recordingLog();
    const r = await runInErrorBoundary('pimGroups.x', log, async () => 42, clock(100, 112.34));
    assert.equal(r.value, 42);
    assert.deepEqual(r.outcome, { id: 'pimGroups.x', outcome: 'succeeded', durationMs: 12.3 });
    assert.deepEqual(log.lines, ['info pimGroups.x: started', 'info pimGroups.x: succeeded in 12.3 ms']);
  });

  it('swallows user cancellation without an error', async () => {
    const log = recordingLog();
    const r = await runInErrorBoundary(
      'pimGroups.x',
      log,
      () => {
        throw new UserCancelledError('Name');
      },
      clock(0, 5),
    );
    assert.equal(r.outcome.outcome, 'cancelled');
    assert.equal(r.error, undefined);
    assert.ok(!log.lines.some((l) => l.startsWith('error')));
  });

  it('logs the stack of a failure and keeps one sentence for the user', async () => {
    const log = recordingLog();
    const r = await runInErrorBoundary(
      'pimGroups.x',
      log,
      async () => {
        throw new Error('Graph said no.\nrequest-id: abc');
      },
      clock(0, 1),
    );
    assert.equal(r.outcome.outcome, 'failed');
    assert.equal(r.outcome.error, 'Graph said no.');
    const logged = log.lines.find((l) => l.startsWith('error'))!;
    assert.match(logged, /pimGroups\.x: failed/);
    assert.match(logged, /errorBoundary\.test/, 'the stack reaches the log');
  });

  it('shortens a long first line for a toast', () => {
    assert.equal(oneSentence(new Error('x'.repeat(400))).length, 300);
    assert.equal(oneSentence('plain text'), 'plain text');
  });
});
