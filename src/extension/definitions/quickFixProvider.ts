// Quick fixes from the findings' own fixes (durations in days, MFA vs authentication context, closest template
// name…), and "Fix All" (source.fixAll.pimGroups, usable in editor.codeActionsOnSave) applying every preferred
// fix. Offered only while the findings match the editor's text, so an edit never lands on moved lines.
import * as vscode from 'vscode';
import { DefinitionDiagnostics } from './definitionDiagnostics';
import { fixesInRange, preferredFixesForFixAll, sameDiagnostic } from './findingMapping';
import { diagnosticCode, fromVsRange, toWorkspaceEdit } from './vscodeConversions';

const FIX_ALL = vscode.CodeActionKind.SourceFixAll.append('pimGroups');

export class DefinitionQuickFixes implements vscode.CodeActionProvider {
  static readonly metadata: vscode.CodeActionProviderMetadata = {
    providedCodeActionKinds: [vscode.CodeActionKind.QuickFix, FIX_ALL],
  };

  constructor(private readonly diagnostics: DefinitionDiagnostics) {}

  provideCodeActions(
    document: vscode.TextDocument,
    range: vscode.Range | vscode.Selection,
    context: vscode.CodeActionContext,
  ): vscode.CodeAction[] {
    const findings = this.diagnostics.findingsFor(document.uri.toString(), document.version);
    if (!findings) return [];
    const actions: vscode.CodeAction[] = [];
    if (!context.only || vscode.CodeActionKind.QuickFix.intersects(context.only)) {
      for (const fix of fixesInRange(findings, fromVsRange(range))) {
        const action = new vscode.CodeAction(fix.title, vscode.CodeActionKind.QuickFix);
        action.edit = toWorkspaceEdit(document.uri, fix.edits);
        action.isPreferred = fix.isPreferred;
        action.diagnostics = context.diagnostics.filter((d) =>
          sameDiagnostic(fix.finding, { code: diagnosticCode(d), range: fromVsRange(d.range), message: d.message }),
        );
        actions.push(action);
      }
    }
    if (context.only && FIX_ALL.intersects(context.only)) {
      const fixes = preferredFixesForFixAll(findings);
      if (fixes.length > 0) {
        const action = new vscode.CodeAction(`Fix all PIM Groups problems (${fixes.length})`, FIX_ALL);
        action.edit = toWorkspaceEdit(
          document.uri,
          fixes.flatMap((f) => f.edits),
        );
        actions.push(action);
      }
    }
    return actions;
  }
}
