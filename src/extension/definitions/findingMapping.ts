// Findings (plain data from src/definitions) → the shape of VS Code diagnostics and quick fixes, as pure
// functions so they are unit-tested; vscodeConversions.ts only calls constructors.
import { Finding, Range, Severity, TextEdit } from '../../definitions/model';

export const DIAGNOSTIC_SOURCE = 'pim-groups';
export const DIAGNOSTIC_COLLECTION = 'pim-groups';
/** The rules' documentation; each code is a heading anchor there (`#pim012`). */
export const RULES_DOC_URL = 'https://github.com/pim-groups/pim-groups/blob/main/docs/rules.md';

/** vscode.DiagnosticSeverity's values (Error 0, Warning 1, Information 2), a stable part of the API. */
const SEVERITY: Record<Severity, 0 | 1 | 2> = { error: 0, warning: 1, info: 2 };

export interface DiagnosticSpec {
  range: Range;
  message: string;
  severity: 0 | 1 | 2;
  code: { value: string; target: string };
  source: string;
}

export function ruleDocsUrl(code: string): string {
  return `${RULES_DOC_URL}#${code.toLowerCase()}`;
}

export function toDiagnosticSpec(finding: Finding): DiagnosticSpec {
  return {
    range: finding.range,
    message: finding.message,
    severity: SEVERITY[finding.severity] ?? SEVERITY.error,
    code: { value: finding.code, target: ruleDocsUrl(finding.code) },
    source: DIAGNOSTIC_SOURCE,
  };
}

export function groupByFile(findings: readonly Finding[]): Map<string, Finding[]> {
  const byFile = new Map<string, Finding[]>();
  for (const finding of findings) {
    const list = byFile.get(finding.file);
    if (list) list.push(finding);
    else byFile.set(finding.file, [finding]);
  }
  return byFile;
}

function before(a: Range['start'], b: Range['start']): boolean {
  return a.line < b.line || (a.line === b.line && a.character < b.character);
}

/** Ranges touch or overlap (a cursor at either end of a finding still offers its fix). */
export function rangesIntersect(a: Range, b: Range): boolean {
  return !before(a.end, b.start) && !before(b.end, a.start);
}

export interface FixSpec {
  title: string;
  isPreferred: boolean;
  finding: Finding;
  edits: TextEdit[];
}

/** The quick fixes of the findings at `range`, in finding order; a fix without edits is no fix. */
export function fixesInRange(findings: readonly Finding[], range: Range): FixSpec[] {
  const fixes: FixSpec[] = [];
  for (const finding of findings) {
    if (!finding.fixes?.length || !rangesIntersect(finding.range, range)) continue;
    for (const fix of finding.fixes) {
      if (fix.edits.length === 0) continue;
      fixes.push({ title: fix.title, isPreferred: fix.isPreferred ?? false, finding, edits: fix.edits });
    }
  }
  return fixes;
}

/** The finding a VS Code diagnostic was made from: same code, same range, same message. */
export function sameDiagnostic(finding: Finding, diagnostic: { code: string; range: Range; message: string }): boolean {
  const r = finding.range;
  const d = diagnostic.range;
  return (
    finding.code === diagnostic.code &&
    finding.message === diagnostic.message &&
    r.start.line === d.start.line &&
    r.start.character === d.start.character &&
    r.end.line === d.end.line &&
    r.end.character === d.end.character
  );
}

function startsBefore(a: Range, b: Range): boolean {
  return before(a.start, b.start);
}

/**
 * Every finding's preferred fix, for "Fix All" (and editor.codeActionsOnSave): fixes whose edits overlap an
 * earlier one are left for the next round, so one pass never garbles the text.
 */
export function preferredFixesForFixAll(findings: readonly Finding[]): FixSpec[] {
  const chosen: FixSpec[] = [];
  const taken: Range[] = [];
  for (const finding of findings) {
    const fix = finding.fixes?.find((f) => f.isPreferred && f.edits.length > 0);
    if (!fix) continue;
    if (fix.edits.some((e) => taken.some((t) => rangesIntersect(t, e.range)))) continue;
    chosen.push({ title: fix.title, isPreferred: true, finding, edits: fix.edits });
    taken.push(...fix.edits.map((e) => e.range));
  }
  return chosen.sort((a, b) => (startsBefore(a.edits[0].range, b.edits[0].range) ? -1 : 1));
}
