// The thin adapter from plain findings and fixes to VS Code objects; the decisions live in findingMapping.ts.
import * as vscode from 'vscode';
import { Range, TextEdit } from '../../definitions/model';
import { DiagnosticSpec } from './findingMapping';
import { toVsRange } from '../common/vsRanges';

export { toVsRange };

export function fromVsRange(range: vscode.Range): Range {
  return {
    start: { line: range.start.line, character: range.start.character },
    end: { line: range.end.line, character: range.end.character },
  };
}

export function toDiagnostic(spec: DiagnosticSpec): vscode.Diagnostic {
  const diagnostic = new vscode.Diagnostic(
    toVsRange(spec.range),
    spec.message,
    spec.severity as vscode.DiagnosticSeverity,
  );
  diagnostic.code = { value: spec.code.value, target: vscode.Uri.parse(spec.code.target) };
  diagnostic.source = spec.source;
  return diagnostic;
}

/** The rule code of a diagnostic, whichever form VS Code hands back. */
export function diagnosticCode(diagnostic: vscode.Diagnostic): string {
  const code = diagnostic.code;
  return typeof code === 'object' && code !== null ? String(code.value) : String(code ?? '');
}

export function toWorkspaceEdit(uri: vscode.Uri, edits: readonly TextEdit[]): vscode.WorkspaceEdit {
  const edit = new vscode.WorkspaceEdit();
  for (const e of edits) edit.replace(uri, toVsRange(e.range), e.newText);
  return edit;
}
