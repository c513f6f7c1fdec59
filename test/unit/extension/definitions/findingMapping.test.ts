// Findings → diagnostics and quick fixes, as pure functions, fed by the real definitions module.
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { RULES, loadWorkspace } from '../../../../src/definitions';
import { Finding, Range } from '../../../../src/definitions/model';
import {
  DIAGNOSTIC_SOURCE,
  RULES_DOC_URL,
  fixesInRange,
  groupByFile,
  preferredFixesForFixAll,
  rangesIntersect,
  ruleDocsUrl,
  sameDiagnostic,
  toDiagnosticSpec,
} from '../../../../src/extension/definitions/findingMapping';
import { repoRoot } from '../../manifest/repoRoot';
import { applyEdits } from '../textEdits';

const NOW = new Date('2026-11-26T09:00:00Z');
const range = (sl: number, sc: number, el: number, ec: number): Range => ({
  start: { line: sl, character: sc },
  end: { line: el, character: ec },
});
const finding = (over: Partial<Finding>): Finding => ({
  code: 'PIM011',
  message: 'm',
  severity: 'error',
  file: 'a.pim.yaml',
  range: range(3, 4, 3, 8),
  ...over,
});

const GROUP = (activation: string, extra = '') => `apiVersion: pim-groups/v1
kind: PimGroup
metadata:
  name: helpdesk
  useCase: intune-rbac
group:
  displayName: PIM-Helpdesk
policies:
  member:
${extra}    activation:
${activation}
bindings:
  intuneRoles:
    - role: Help Desk Operator
`;

function load(text: string, more: { path: string; text: string }[] = []) {
  return loadWorkspace([{ path: 'a.pim.yaml', text }, ...more], { now: NOW });
}

/** Applies the preferred fix of the first finding with `code` and returns the new text and its findings. */
function applyPreferredFix(text: string, code: string, more: { path: string; text: string }[] = []) {
  const before = load(text, more).findings.filter((f) => f.file === 'a.pim.yaml');
  const target = before.find((f) => f.code === code);
  assert.ok(target, `expected ${code} in ${JSON.stringify(before.map((f) => f.code))}`);
  const fixes = fixesInRange(before, target.range);
  assert.ok(fixes.length > 0, `${code} offers no quick fix`);
  const fix = fixes.find((f) => f.isPreferred) ?? fixes[0];
  const after = applyEdits(text, fix.edits);
  return { fix, after, findings: load(after, more).findings };
}

describe('extension: findings become diagnostics', () => {
  it('maps severities to vscode.DiagnosticSeverity values (Error 0, Warning 1, Information 2)', () => {
    assert.equal(toDiagnosticSpec(finding({ severity: 'error' })).severity, 0);
    assert.equal(toDiagnosticSpec(finding({ severity: 'warning' })).severity, 1);
    assert.equal(toDiagnosticSpec(finding({ severity: 'info' })).severity, 2);
  });

  it('keeps the range and message, names the source and links the code to its rule documentation', () => {
    const spec = toDiagnosticSpec(finding({ code: 'PIM040', message: 'Remove one of them.' }));
    assert.deepEqual(spec.range, range(3, 4, 3, 8));
    assert.equal(spec.message, 'Remove one of them.');
    assert.equal(spec.source, DIAGNOSTIC_SOURCE);
    assert.deepEqual(spec.code, { value: 'PIM040', target: `${RULES_DOC_URL}#pim040` });
  });

  it('links to docs/rules.md in the repository package.json names', () => {
    const pkg = JSON.parse(readFileSync(path.join(repoRoot(), 'package.json'), 'utf8'));
    assert.ok(ruleDocsUrl('PIM011').startsWith(`${pkg.repository.url.replace(/\.git$/, '')}/blob/main/docs/rules.md#`));
  });

  it("lands every rule code's link on its own anchor in docs/rules.md", () => {
    const doc = readFileSync(path.join(repoRoot(), 'docs/rules.md'), 'utf8');
    const missing = RULES.map((r) => ruleDocsUrl(r.code).split('#')[1]).filter(
      (anchor) => !doc.includes(`id="${anchor}"`),
    );
    assert.deepEqual(missing, []);
  });

  it('sorts findings by file', () => {
    const byFile = groupByFile([
      finding({ file: 'a' }),
      finding({ file: 'b' }),
      finding({ file: 'a', code: 'PIM012' }),
    ]);
    assert.deepEqual([...byFile.keys()], ['a', 'b']);
    assert.deepEqual(
      byFile.get('a')!.map((f) => f.code),
      ['PIM011', 'PIM012'],
    );
  });

  it('recognises the diagnostic made from a finding by code, range and message', () => {
    const f = finding({});
    assert.ok(sameDiagnostic(f, { code: 'PIM011', range: range(3, 4, 3, 8), message: 'm' }));
    assert.ok(!sameDiagnostic(f, { code: 'PIM011', range: range(3, 4, 3, 9), message: 'm' }));
    assert.ok(!sameDiagnostic(f, { code: 'PIM012', range: range(3, 4, 3, 8), message: 'm' }));
  });
});

describe('extension: quick fixes from findings', () => {
  it('offers a fix where the cursor touches the finding, and none elsewhere', () => {
    const f = finding({
      fixes: [{ title: 'Change to P365D', edits: [{ range: range(3, 4, 3, 8), newText: 'P365D' }], isPreferred: true }],
    });
    assert.equal(fixesInRange([f], range(3, 4, 3, 4)).length, 1, 'cursor at the start');
    assert.equal(fixesInRange([f], range(3, 8, 3, 8)).length, 1, 'cursor at the end');
    assert.equal(fixesInRange([f], range(2, 0, 5, 0)).length, 1, 'selection around it');
    assert.equal(fixesInRange([f], range(3, 9, 3, 9)).length, 0, 'after it');
    assert.equal(fixesInRange([f], range(4, 0, 4, 0)).length, 0, 'next line');
  });

  it('skips findings without fixes and fixes without edits', () => {
    const fixes = fixesInRange([finding({}), finding({ fixes: [{ title: 'nothing', edits: [] }] })], range(3, 4, 3, 8));
    assert.deepEqual(fixes, []);
  });

  it('tells overlapping ranges apart from disjoint ones', () => {
    assert.ok(rangesIntersect(range(1, 0, 2, 0), range(2, 0, 3, 0)));
    assert.ok(!rangesIntersect(range(1, 0, 1, 5), range(1, 6, 1, 9)));
  });

  it('turns a year duration into days, and the file then validates', () => {
    const text = GROUP('      maxDuration: PT8H\n      requireMfa: true', '    eligibility:\n      maxDuration: P1Y\n');
    const { fix, after, findings } = applyPreferredFix(text, 'PIM011');
    assert.match(fix.title, /P365D/);
    assert.match(after, /maxDuration: P365D/);
    assert.deepEqual(
      findings.filter((f) => f.severity === 'error'),
      [],
    );
  });

  it('resolves requireMfa together with authenticationContext by removing one of them', () => {
    const text = GROUP('      maxDuration: PT8H\n      requireMfa: true\n      authenticationContext: c1');
    const before = load(text).findings.find((f) => f.code === 'PIM040')!;
    assert.deepEqual(fixesInRange([before], before.range).map((f) => f.title).length, 2, 'one fix per side');
    const { after, findings } = applyPreferredFix(text, 'PIM040');
    assert.equal((after.match(/requireMfa|authenticationContext/g) ?? []).length, 1);
    assert.deepEqual(
      findings.filter((f) => f.severity === 'error'),
      [],
    );
  });

  it('replaces an unknown template name with the closest template in the workspace', () => {
    const template = {
      path: 'templates.pim.yaml',
      text: 'apiVersion: pim-groups/v1\nkind: PolicyTemplate\nmetadata:\n  name: standard-8h\npolicy:\n  activation:\n    maxDuration: PT8H\n    requireMfa: true\n',
    };
    const text = GROUP('      maxDuration: PT4H\n      requireMfa: true', '    template: standrd-8h\n');
    const { after, findings } = applyPreferredFix(text, 'PIM052', [template]);
    assert.match(after, /template: standard-8h/);
    assert.deepEqual(
      findings.filter((f) => f.severity === 'error'),
      [],
    );
  });
});

describe('extension: Fix All', () => {
  it('applies every preferred fix of a file in one pass, and the file then validates', () => {
    const text = GROUP(
      '      maxDuration: PT8H\n      requireMfa: true\n      authenticationContext: c1',
      '    eligibility:\n      maxDuration: P1Y\n    assignment:\n      maxDuration: P6M\n',
    );
    const findings = load(text).findings;
    const fixes = preferredFixesForFixAll(findings);
    assert.deepEqual(fixes.map((f) => f.finding.code).sort(), ['PIM011', 'PIM011', 'PIM040']);
    const after = applyEdits(
      text,
      fixes.flatMap((f) => f.edits),
    );
    assert.match(after, /P365D/);
    assert.match(after, /P180D/);
    assert.deepEqual(
      load(after).findings.filter((f) => f.severity === 'error'),
      [],
    );
  });

  it('leaves a fix whose edits overlap an earlier one for the next round', () => {
    const edit = (c: number, t: string) => ({ range: range(1, c, 1, c + 4), newText: t });
    const fixes = preferredFixesForFixAll([
      finding({ fixes: [{ title: 'a', edits: [edit(0, 'A')], isPreferred: true }] }),
      finding({ fixes: [{ title: 'b', edits: [edit(2, 'B')], isPreferred: true }] }),
      finding({
        fixes: [
          { title: 'c', edits: [edit(10, 'C')], isPreferred: true },
          { title: 'not preferred', edits: [edit(20, 'D')] },
        ],
      }),
      finding({ fixes: [{ title: 'only optional', edits: [edit(30, 'E')] }] }),
    ]);
    assert.deepEqual(
      fixes.map((f) => f.title),
      ['a', 'c'],
    );
  });
});
