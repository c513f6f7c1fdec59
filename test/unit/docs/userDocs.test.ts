import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';

// The documents a user reads (README, CONTRIBUTING, docs/): everything they point at must be in the repository, and
// nothing may refer to a tracker, a notes file or a folder next to the clone that a reader cannot see.
const ROOT = path.resolve(__dirname, '../../../..');
const userDocs = (): string[] =>
  [
    'README.md',
    'CONTRIBUTING.md',
    ...fs
      .readdirSync(path.join(ROOT, 'docs'), { recursive: true })
      .map(String)
      .filter((f) => f.endsWith('.md'))
      .map((f) => path.join('docs', f)),
  ].filter((f) => fs.existsSync(path.join(ROOT, f)));

/** Each problem as `file:line: what`, so a failure says where to look. */
export function docProblems(file: string, text: string, exists: (abs: string) => boolean = fs.existsSync): string[] {
  const out: string[] = [];
  const dir = path.dirname(path.join(ROOT, file));
  text.split('\n').forEach((line, i) => {
    const at = `${file}:${i + 1}`;
    for (const m of line.matchAll(/\]\(([^)\s]+)(?:\s+"[^"]*")?\)|\b(?:href|src)="([^"]+)"/g)) {
      const target = (m[1] ?? m[2]).split('#')[0];
      if (!target || /^(https?:|mailto:|command:)/i.test(target)) continue;
      const abs = path.resolve(dir, decodeURIComponent(target));
      const rel = path.relative(ROOT, abs);
      if (rel.startsWith('..') || path.isAbsolute(target)) out.push(`${at}: links outside the repository: ${target}`);
      else if (!exists(abs)) out.push(`${at}: links to a file the repository does not have: ${target}`);
    }
    if (/\.\.\/shared\b|(^|[\s`(])\/work\/|\bnotes\/[\w-]+\.md/.test(line))
      out.push(`${at}: refers to material outside the repository: ${line.trim()}`);
    if (/\b(issue|issues|PR|pull request|ticket)\s+#?\d+\b|(^|[\s(])#\d+\b/i.test(line))
      out.push(`${at}: mentions a tracker number: ${line.trim()}`);
  });
  return out;
}

describe('user docs stay inside the repository', () => {
  it('finds the user docs', () => {
    assert.ok(userDocs().includes('README.md') && userDocs().some((f) => f.startsWith('docs')), userDocs().join(', '));
  });

  for (const file of userDocs()) {
    it(`${file}: links resolve inside the repository; no tracker numbers or outside paths`, () => {
      assert.deepEqual(docProblems(file, fs.readFileSync(path.join(ROOT, file), 'utf8')), []);
    });
  }

  it('catches each kind of problem (so the checks above can fail)', () => {
    const text = [
      // The outside path is assembled so that a search of the tree for it finds only real references.
      `See [the contract](${['..', '..', 'shared', 'design', 'DEFINITIONS.md'].join('/')}).`,
      'Fixed in issue 17, see also #12 and issues #28854.',
      'A note in /work/notes/requests.md.',
      'A [missing page](nothing-here.md) and a [good one](rules.md#pim022) and [a site](https://learn.microsoft.com/).',
    ].join('\n');
    const problems = docProblems('docs/example.md', text, (abs) => abs.endsWith(`${path.sep}rules.md`));
    assert.deepEqual(
      problems.map((p) => p.replace(/: .*/, ': ' + p.split(': ')[1])),
      [
        'docs/example.md:1: links outside the repository',
        'docs/example.md:1: refers to material outside the repository',
        'docs/example.md:2: mentions a tracker number',
        'docs/example.md:3: refers to material outside the repository',
        'docs/example.md:4: links to a file the repository does not have',
      ],
    );
  });
});
