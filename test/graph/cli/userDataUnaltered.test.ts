import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { paths } from '../../../src/graph/api/paths';
import { harness, Harness } from '../harness/harness';
import { allFiles, run, tempWorkspace, testIo } from '../harness/cliIo';

// Words that secret scanners like ("Bearer", "password:") are ordinary words in names and notes. Redaction is for
// logs and errors; the tenant, plan files, the applied record and exports carry what the user wrote, byte for byte.
const NAME = 'Ring Bearer Admins';
const DESCRIPTION = 'Owners rotate the vault password: monthly';
const JUSTIFICATION = 'Bearer token rotation for the Ring Bearer Admins (access_token=rotated)';

const DEFINITION = `apiVersion: pim-groups/v1
kind: PimGroup
metadata:
  name: ring-bearers
group:
  displayName: ${NAME}
  description: '${DESCRIPTION}'
assignments:
  eligible:
    - principal: user:alice@contoso.com
      duration: P30D
      justification: '${JUSTIFICATION}'
`;

describe('user data reaches the tenant, plans, records and exports unaltered', function () {
  this.timeout(120_000);
  let h: Harness;
  let dir: string;
  beforeEach(async () => {
    h = await harness();
    dir = tempWorkspace(false);
    fs.writeFileSync(path.join(dir, 'ring.pim.yaml'), DEFINITION);
  });
  afterEach(async () => {
    await h.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });
  const sb = () => ['--sandbox', h.sb.url];

  it('keeps "Bearer" and "password:" in names, descriptions and justifications through plan --out and apply --plan', async () => {
    const plan = testIo(dir);
    assert.equal(await run(['plan', 'ring.pim.yaml', '--out', 'plan.json', ...sb()], plan), 0, plan.text());
    const planFile = fs.readFileSync(path.join(dir, 'plan.json'), 'utf8');
    for (const text of [NAME, DESCRIPTION, JUSTIFICATION])
      assert.ok(planFile.includes(JSON.stringify(text)), `plan file keeps ${text}`);
    assert.ok(!planFile.includes('[redacted'), 'nothing in the plan file is redacted');

    const apply = testIo(dir);
    assert.equal(await run(['apply', '--plan', 'plan.json', '--yes', ...sb()], apply), 0, apply.text());
    const groups = await h.t.get<{ value: { id: string; displayName: string; description: string }[] }>(
      `/groups?$filter=displayName eq '${NAME}'`,
    );
    assert.equal(groups.value.length, 1, `one group named exactly '${NAME}'`);
    assert.equal(groups.value[0].description, DESCRIPTION);
    const eligible = await h.t.get<{ value: { justification?: string }[] }>(
      `${paths.eligibilityRequests}?$filter=groupId eq '${groups.value[0].id}'`,
    );
    assert.ok(eligible.value.length > 0);
    assert.deepEqual(
      eligible.value.map((r) => r.justification),
      [JUSTIFICATION],
      'the justification reached the tenant',
    );

    const records = path.join(dir, '.pim-groups/applied');
    const record = fs.readFileSync(path.join(records, fs.readdirSync(records)[0]), 'utf8');
    assert.ok(record.includes(JSON.stringify(DESCRIPTION)), 'the applied record keeps the description');
    assert.ok(!record.includes('[redacted'), 'nothing in the applied record is redacted');
  });

  it('exports the names, descriptions and justifications as they are in the tenant, eligible assignments too', async () => {
    const apply = testIo(dir);
    assert.equal(await run(['apply', 'ring.pim.yaml', '--yes', ...sb()], apply), 0, apply.text());
    const exported = testIo(dir);
    assert.equal(await run(['export', '--group', NAME, '--out', 'exported', ...sb()], exported), 0, exported.text());
    const printed = testIo(dir);
    assert.equal(await run(['export', '--group', NAME, ...sb()], printed), 0, printed.text());
    const texts = [
      ...allFiles(path.join(dir, 'exported')).map((f) => fs.readFileSync(f, 'utf8')),
      printed.lines.join('\n'),
    ];
    for (const text of texts) {
      assert.ok(text.includes(NAME) && text.includes(DESCRIPTION) && text.includes(JUSTIFICATION), text);
      assert.ok(!text.includes('[redacted'), text);
    }
  });
});
