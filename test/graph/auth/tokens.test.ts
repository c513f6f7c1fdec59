import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { mintSandboxToken } from '../../../src/auth/sandboxToken';
import type { TokenSource } from '../../../src/auth/tokenSource';
import { GraphTransport } from '../../../src/graph/transport';
import { GraphLogEntry } from '../../../src/graph/log';
import { applyPlan } from '../../../src/apply';
import { renderJson, renderMarkdown, renderText } from '../../../src/plan';
import { exportGroups } from '../../../src/export/exportGroups';
import { examplesWorkspace, harness, Harness } from '../harness/harness';
import { planFor } from '../harness/engine';
import { allFiles, run, tempWorkspace, testIo } from '../harness/cliIo';

// Any JWT at all (header.payload): the CLI mints its own sandbox tokens, so the scan looks for the shape too.
const ANY_JWT = /eyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}/;

describe('tokens never reach logs, errors, plans or files', function () {
  this.timeout(120_000);
  let h: Harness;
  beforeEach(async () => {
    h = await harness();
  });
  afterEach(async () => {
    await h.close();
  });

  it('through the engine: logs, errors, every plan rendering, the apply report and exported files', async () => {
    const token = mintSandboxToken({ upn: 'admin@contoso.com', mfa: true });
    const credential: TokenSource = { getToken: async () => ({ token, expiresOnTimestamp: Date.now() + 3_600_000 }) };
    const logs: GraphLogEntry[] = [];
    const t = new GraphTransport({
      baseUrl: h.sb.url,
      credential,
      logger: (e) => logs.push(e),
      retry: { baseDelayMs: 10 },
    });
    const ws = examplesWorkspace();
    const { plan } = await planFor(t, ws, h.sb.url);
    const report = await applyPlan(t, plan);
    const errors: string[] = [];
    for (const attempt of [
      () => t.get('/groups/00000000-0000-4000-8000-000000000000'),
      () => t.get('/no/such/segment'),
      () => t.post('/identityGovernance/privilegedAccess/group/eligibilityScheduleRequests', { action: 'adminAssign' }),
    ]) {
      try {
        await attempt();
      } catch (e) {
        errors.push(String(e), (e as Error).stack ?? '', JSON.stringify(e));
      }
    }
    const exported = await exportGroups(t, { all: true });
    const haystack = [
      JSON.stringify(logs),
      ...errors,
      renderText(plan),
      renderMarkdown(plan),
      renderJson(plan),
      JSON.stringify(report),
      ...exported.groups.map((g) => g.text),
    ].join('\n');
    assert.ok(logs.length > 0 && errors.length === 9);
    assert.ok(!haystack.includes(token), 'the token itself');
    assert.ok(!haystack.includes(token.split('.')[1]), 'its payload');
    assert.doesNotMatch(haystack, ANY_JWT);
  });

  it('through the CLI with --verbose: stdout, stderr and every file written', async () => {
    const dir = tempWorkspace();
    try {
      const io = testIo(dir);
      const sb = ['--sandbox', h.sb.url, '--verbose'];
      await run(['plan', 'examples', '--out', 'plan.json', ...sb], io);
      await run(['apply', '--plan', 'plan.json', '--yes', ...sb], io);
      await run(['export', '--all', '--out', 'exported', ...sb], io);
      await run(['plan', 'examples', '--markdown', ...sb], io);
      await run(
        [
          'activate',
          '--group',
          'PIM-Intune-Helpdesk',
          '--duration',
          'PT1H',
          '--sandbox',
          h.sb.url,
          '--as',
          'alice@contoso.com',
          '--verbose',
        ],
        io,
      );
      assert.ok(
        io.errors.some((l) => l.startsWith('graph: GET ')),
        'verbose logging ran',
      );
      const files = allFiles(dir).map((f) => fs.readFileSync(f, 'utf8'));
      assert.ok(files.length > 8);
      assert.doesNotMatch([io.text(), ...files].join('\n'), ANY_JWT);
      assert.doesNotMatch(io.text(), /Bearer [^[]/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
