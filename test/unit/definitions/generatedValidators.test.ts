import * as assert from 'node:assert';
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';

const root = path.resolve(__dirname, '../../../..');

describe('the generated schema validators', () => {
  it('match a fresh generation from schemas/pim-groups.schema.json (run scripts/generate-schema-validator.cjs after a schema change)', function () {
    this.timeout(30000);
    const r = spawnSync(process.execPath, [path.join(root, 'scripts/generate-schema-validator.cjs'), '--check'], {
      encoding: 'utf8',
    });
    assert.strictEqual(r.status, 0, r.stderr || r.stdout);
  });
});
