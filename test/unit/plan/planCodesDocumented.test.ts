import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';

// Every code the planner can put in a plan (src/plan, src/bindings) is explained for users: with its own entry in
// docs/rules.md, or a row of the issues table in docs/plan-format.md / docs/bindings.md.
const ROOT = path.resolve(__dirname, '../../../..');
const sources = ['src/plan', 'src/bindings'].flatMap((d) =>
  fs
    .readdirSync(path.join(ROOT, d), { recursive: true })
    .map(String)
    .filter((f) => f.endsWith('.ts'))
    .map((f) => fs.readFileSync(path.join(ROOT, d, f), 'utf8')),
);
const emitted = [...new Set(sources.flatMap((s) => [...s.matchAll(/'(PIM[23]\d{2})'/g)].map((m) => m[1])))].sort();
const docs = ['docs/rules.md', 'docs/plan-format.md', 'docs/bindings.md']
  .map((f) => fs.readFileSync(path.join(ROOT, f), 'utf8'))
  .join('\n');

describe('plan issue codes are documented', () => {
  it('finds the codes the planner emits', () => {
    assert.ok(emitted.includes('PIM221') && emitted.includes('PIM201'), emitted.join(' '));
  });
  for (const code of emitted) {
    it(`${code} has a documentation entry`, () => {
      const anchored = docs.includes(`<a id="${code.toLowerCase()}"></a>`) && new RegExp(`### ${code} `).test(docs);
      const tabled = new RegExp(`\\| ${code}\\b|${code} /|/ ${code}|\\(${code}`).test(docs);
      assert.ok(
        anchored || tabled,
        `${code} is not explained in docs/rules.md, docs/plan-format.md or docs/bindings.md`,
      );
    });
  }
});
