// The extension's own bundle (dist/extension.js) loads at activation; the engine (Graph, planner, apply, bindings,
// sandbox) is a second bundle loaded on first use. A source module in both would exist twice at run time: two copies
// of a class (so `instanceof` fails across the boundary) or of a registry (so one copy never sees the other's
// entries). The extension may carry pure modules of its own layers, and these few, each for a stated reason.
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { repoRoot } from '../manifest/repoRoot';

const root = repoRoot();

/** Folders the extension bundles freely: edit-time validation and text helpers, pure and stateless. */
const FREE = ['src/extension/', 'src/definitions/', 'src/time/', 'src/text/'];
/** Single engine modules the extension bundles too, and why that is safe. */
const ALLOWED: Record<string, string> = {
  'src/graph/redact.ts': 'its secret registry lives on globalThis, shared by both copies',
  'src/graph/policyRuleFailures.ts': 'pure parsing of a refusal message',
  'src/plan/model.ts': 'types and pure predicates over a plan',
  'src/plan/appliedRecord.ts': 'the applied record format (constants)',
  'src/plan/appliedRecordFile.ts': 'reads the applied record before any connection (Definitions view)',
  'src/plan/render/symbols.ts': 'the symbols table shared with the text plan',
  'src/plan/render/risks.ts': 'the risk summary shared by the text plan, the preview and the Apply dialog',
};

function extensionInputs(): string[] {
  const script =
    "import { build } from 'esbuild'; import { EXTENSION_BUILD } from './esbuild.mjs';" +
    ' const r = await build({ ...EXTENSION_BUILD, write: false, logLevel: "error" });' +
    ' process.stdout.write(JSON.stringify(Object.keys(r.metafile.inputs)));';
  const out = execFileSync(process.execPath, ['--input-type=module', '-e', script], {
    cwd: root,
    maxBuffer: 64 * 1024 * 1024,
  });
  return (JSON.parse(out.toString()) as string[]).filter((f) => f.startsWith('src/'));
}

describe('extension bundle: what dist/extension.js may carry besides the extension itself', function () {
  this.timeout(60_000);
  const inputs = extensionInputs();

  it('carries no engine module but the listed pure ones (take the rest from loadEngine())', () => {
    const extra = inputs.filter((f) => !FREE.some((d) => f.startsWith(d)) && !(f in ALLOWED));
    assert.deepEqual(extra, []);
  });

  it('still carries the extension and the edit-time validation (the check looks at a real build)', () => {
    assert.ok(inputs.includes('src/extension/extension.ts'));
    assert.ok(inputs.some((f) => f.startsWith('src/definitions/rules/')));
  });
});
