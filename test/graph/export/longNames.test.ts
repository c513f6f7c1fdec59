import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { loadWorkspace } from '../../../src/definitions';
import { isEmpty, allOperations } from '../../../src/plan';
import { harness, Harness, workspaceOf } from '../harness/harness';
import { planAndApply, planFor } from '../harness/engine';
import { run, tempWorkspace, testIo } from '../harness/cliIo';

// Entra allows display names of 256 characters; file systems allow file names of 255 bytes.
const LONG = `PIM ${'Very Long Team Name With Spaces & Symbols '.repeat(6)}`.slice(0, 252) + ' Ünï';

const definition = (displayName: string, name: string) => `apiVersion: pim-groups/v1
kind: PimGroup
metadata:
  name: ${name}
group:
  displayName: ${JSON.stringify(displayName)}
assignments:
  eligible:
    - principal: user:alice@contoso.com
      duration: P30D
`;

describe('export: display names longer than a file name', function () {
  this.timeout(120_000);
  let h: Harness;
  let dir: string;
  beforeEach(async () => {
    h = await harness();
    dir = tempWorkspace(false);
  });
  afterEach(async () => {
    await h.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('writes a 256-character name to a shortened file with a short hash, keeps the name byte for byte, and round-trips empty', async () => {
    assert.equal(LONG.length, 256);
    const { report } = await planAndApply(h.t, workspaceOf(definition(LONG, 'long-one')), h.sb.url);
    assert.ok(report.converged, report.notConverged.join('\n'));
    // A second group whose name shares the first 200 characters: a different hash, so a different file.
    const twin = LONG.slice(0, 200) + ' Twin';
    await planAndApply(h.t, workspaceOf(definition(twin, 'long-two')), h.sb.url);

    const io = testIo(dir);
    assert.equal(await run(['export', '--all', '--out', 'out', '--sandbox', h.sb.url], io), 0, io.text());
    const files = fs.readdirSync(path.join(dir, 'out')).filter((f) => f.startsWith('pim-very-long'));
    assert.equal(files.length, 2, files.join(', '));
    for (const f of files) {
      assert.ok(f.length <= 63 + '.pim.yaml'.length, f);
      assert.match(f, /-[0-9a-f]{8}\.pim\.yaml$/);
    }
    const texts = files.map((f) => fs.readFileSync(path.join(dir, 'out', f), 'utf8'));
    const ws = loadWorkspace(files.map((f, i) => ({ path: f, text: texts[i] })));
    assert.deepEqual(
      ws.findings.filter((f) => f.severity === 'error'),
      [],
    );
    assert.deepEqual(ws.groups.map((g) => g.group.displayName).sort(), [LONG, twin].sort(), 'names kept exactly');
    const { plan } = await planFor(h.t, ws, h.sb.url);
    assert.ok(
      isEmpty(plan),
      allOperations(plan)
        .map((o) => o.summary)
        .join('\n'),
    );
  });
});
