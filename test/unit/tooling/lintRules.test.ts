// The layer table of docs/architecture.md is enforced by the lint config (eslint.config.mjs), which `npm test` runs
// over the tree. These tests show each rule refuses what it should, so a clean lint means something.
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { ESLint } from 'eslint';
import { repoRoot } from '../manifest/repoRoot';

const root = repoRoot();
let eslint: ESLint;

/** The rule ids the config reports for `text` as if it were the file at `file` (relative to the repository). */
async function rulesBroken(file: string, text: string): Promise<string[]> {
  const [result] = await eslint.lintText(text, { filePath: path.join(root, file) });
  return result.messages.map((m) => m.ruleId ?? m.message);
}

describe('lint: layer boundaries and cycles', function () {
  before(async function () {
    // Loading the config, the TypeScript parser and the resolver takes seconds on a busy machine: once, here.
    this.timeout(60_000);
    eslint = new ESLint({ cwd: root });
    await rulesBroken(
      'src/plan/example.ts',
      "import type { GraphRule } from '../graph/types';\nexport type R = GraphRule;\n",
    );
  });

  it('refuses a lower layer importing a higher one (graph → plan)', async () => {
    assert.deepEqual(
      await rulesBroken('src/graph/example.ts', "import type { Plan } from '../plan/model';\nexport type P = Plan;\n"),
      ['import-x/no-restricted-paths'],
    );
  });

  it('refuses the tenant layer naming bindings (they register their reader instead)', async () => {
    assert.deepEqual(
      await rulesBroken(
        'src/tenant/example.ts',
        "import { BINDING_KINDS } from '../bindings/registry';\nexport const n = BINDING_KINDS.length;\n",
      ),
      ['import-x/no-restricted-paths'],
    );
  });

  it('lets plan use Graph wire types but not the transport', async () => {
    assert.deepEqual(
      await rulesBroken(
        'src/plan/example.ts',
        "import type { GraphRule } from '../graph/types';\nexport type R = GraphRule;\n",
      ),
      [],
    );
    assert.deepEqual(
      await rulesBroken(
        'src/plan/example.ts',
        "import { batchGetAll } from '../graph/batch';\nexport const b = batchGetAll;\n",
      ),
      ['import-x/no-restricted-paths'],
    );
  });

  it('refuses any engine folder depending on the extension', async () => {
    assert.deepEqual(
      await rulesBroken(
        'src/cli/example.ts',
        "import { COMMANDS } from '../extension/commandIds';\nexport const c = COMMANDS;\n",
      ),
      ['import-x/no-restricted-paths'],
    );
  });

  it('refuses vscode outside src/extension, including the unit tests', async () => {
    assert.deepEqual(
      await rulesBroken('src/plan/example.ts', "import * as vscode from 'vscode';\nexport const v = vscode;\n"),
      ['no-restricted-imports'],
    );
    assert.deepEqual(
      await rulesBroken('test/unit/example.test.ts', "import * as vscode from 'vscode';\nexport const v = vscode;\n"),
      ['no-restricted-imports'],
    );
    assert.deepEqual(
      await rulesBroken('src/extension/example.ts', "import * as vscode from 'vscode';\nexport const v = vscode;\n"),
      [],
    );
  });

  it('refuses an import cycle', async () => {
    // src/time/index.ts re-exports ./duration, so duration importing the index closes a cycle.
    assert.deepEqual(
      await rulesBroken(
        'src/time/duration.ts',
        "import { parseInstant } from './index';\nexport const p = parseInstant;\n",
      ),
      ['import-x/no-cycle'],
    );
  });
});
