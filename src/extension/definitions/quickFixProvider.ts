// Quick fixes from the findings' own fixes (durations in days, MFA vs authentication context, closest template
// name…). Offered only while the findings match the editor's text, so an edit never lands on moved lines.
import * as vscode from 'vscode';
import { DefinitionDiagnostics } from './definitionDiagnostics';
import { fixesInRange, sameDiagnostic } from './findingMapping';
import { diagnosticCode, fromVsRange, toWorkspaceEdit } from './vscodeConversions';

export class DefinitionQuickFixes implements vscode.CodeActionProvider {
  static readonly metadata: vscode.CodeActionProviderMetadata = { providedCodeActionKinds: [vscode.CodeActionKind.QuickFix] };

  constructor(private readonly diagnostics: DefinitionDiagnostics) {}

  provideCodeActions(document: vscode.TextDocument, range: vscode.Range | vscode.Selection, context: vscode.CodeActionContext): vscode.CodeAction[] {
    if (context.only && !vscode.CodeActionKind.QuickFix.intersects(context.only)) return [];
    const findings = this.diagnostics.findingsFor(document.uri.toString(), document.version);
    if (!findings) return [];
    return fixesInRange(findings, fromVsRange(range)).map((fix) => {
      const action = new vscode.CodeAction(fix.title, vscode.CodeActionKind.QuickFix);
      action.edit = toWorkspaceEdit(document.uri, fix.edits);
      action.isPreferred = fix.isPreferred;
      action.diagnostics = context.diagnostics.filter((d) =>
        sameDiagnostic(fix.finding, { code: diagnosticCode(d), range: fromVsRange(d.range), message: d.message }));
      return action;
    });
  }
}
