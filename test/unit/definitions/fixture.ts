// Shared by the definitions tests: a valid base document, a clock, and range/edit helpers.
import * as assert from 'node:assert/strict';
import { DefinitionFile, Finding, loadWorkspace, QuickFix, Range } from '../../../src/definitions';

/** The tests' "today": the examples and the rules are judged on this date. */
export const NOW = new Date('2026-11-26T10:00:00Z');

export const TEMPLATE = `apiVersion: pim-groups/v1
kind: PolicyTemplate
metadata:
  name: standard-8h
policy:
  activation: { maxDuration: PT8H, requireMfa: true, requireJustification: true }
  eligibility: { allowPermanent: false, maxDuration: P180D }
`;

/** A PimGroup with no findings; tests replace parts of it. */
export const GROUP = `apiVersion: pim-groups/v1
kind: PimGroup
metadata:
  name: helpdesk
  useCase: custom
group:
  displayName: PIM-Helpdesk
policies:
  member:
    activation:
      maxDuration: PT8H
      requireMfa: true
    eligibility:
      allowPermanent: false
      maxDuration: P365D
    assignment:
      allowPermanent: false
      maxDuration: P180D
      requireJustification: true
assignments:
  eligible:
    - principal: user:alice@contoso.com
      duration: P90D
  active:
    - principal: group:Helpdesk Leads
      duration: P30D
      justification: Leads stay active for the quarter
`;

export function check(text: string, others: DefinitionFile[] = [], now = NOW): Finding[] {
  return loadWorkspace([{ path: 'test.pim.yaml', text }, ...others], { now }).findings;
}

export function codes(findings: readonly Finding[]): string[] {
  return findings.map((f) => f.code);
}

/** The one finding with `code`; fails when there is none or more than one. */
export function only(findings: readonly Finding[], code: string): Finding {
  const hits = findings.filter((f) => f.code === code);
  assert.equal(
    hits.length,
    1,
    `expected one ${code}, got: ${JSON.stringify(
      findings.map((f) => `${f.code} ${f.message}`),
      null,
      1,
    )}`,
  );
  return hits[0];
}

export function none(findings: readonly Finding[], code: string): void {
  assert.deepEqual(
    findings.filter((f) => f.code === code).map((f) => f.message),
    [],
    `expected no ${code}`,
  );
}

/** The range of the `occurrence`-th appearance of `needle` in `text` (zero-based lines and characters). */
export function rangeOf(text: string, needle: string, occurrence = 0): Range {
  let at = -1;
  for (let i = 0; i <= occurrence; i++) {
    at = text.indexOf(needle, at + 1);
    assert.ok(at >= 0, `'${needle}' (occurrence ${occurrence}) not in the text`);
  }
  return { start: position(text, at), end: position(text, at + needle.length) };
}

/** The range of a mapping key written at the start of a line (after indentation or '- '). */
export function keyRange(text: string, key: string, occurrence = 0): Range {
  const re = new RegExp(`^[ -]*(${key.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}):`, 'gm');
  let m: RegExpExecArray | null = null;
  for (let i = 0; i <= occurrence; i++) {
    m = re.exec(text);
    assert.ok(m, `key '${key}' (occurrence ${occurrence}) not in the text`);
  }
  const at = m!.index + m![0].length - key.length - 1;
  return { start: position(text, at), end: position(text, at + key.length) };
}

function position(text: string, offset: number) {
  const before = text.slice(0, offset);
  const line = before.split('\n').length - 1;
  return { line, character: offset - (before.lastIndexOf('\n') + 1) };
}

function offset(text: string, p: { line: number; character: number }): number {
  const lines = text.split('\n');
  return lines.slice(0, p.line).reduce((n, l) => n + l.length + 1, 0) + p.character;
}

/** Applies a quick fix's edits (from the end backwards, so earlier offsets stay valid). */
export function applyFix(text: string, fix: QuickFix): string {
  const edits = [...fix.edits].sort((a, b) => offset(text, b.range.start) - offset(text, a.range.start));
  let out = text;
  for (const e of edits)
    out = out.slice(0, offset(out, e.range.start)) + e.newText + out.slice(offset(out, e.range.end));
  return out;
}

export function fix(f: Finding, titlePart: string): QuickFix {
  const found = f.fixes?.find((x) => x.title.includes(titlePart));
  assert.ok(found, `no fix titled like '${titlePart}' in ${JSON.stringify(f.fixes?.map((x) => x.title))}`);
  return found;
}
