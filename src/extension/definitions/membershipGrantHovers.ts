// Hover on `group.displayName` (the group's blast radius) or on a binding (what it grants), from the last
// validation of the workspace; nothing is read from the tenant.
import * as vscode from 'vscode';
import { definitionPathOf } from '../common/plans/definitionPaths';
import { grantHoverAt } from './membershipGrants';
import type { ValidationResult } from './workspaceValidation';

export class MembershipGrantHovers implements vscode.HoverProvider {
  constructor(private readonly lastResult: () => ValidationResult | undefined) {}

  provideHover(document: vscode.TextDocument, position: vscode.Position): vscode.Hover | undefined {
    const result = this.lastResult();
    const validated = result?.files.get(document.uri.toString());
    // Only while the validated text is this version of the document: ranges would be wrong otherwise.
    if (!result || !validated || (validated.version !== undefined && validated.version !== document.version))
      return undefined;
    const path = definitionPathOf(document.uri);
    for (const group of result.groups) {
      if (group.source.file !== path) continue;
      const text = grantHoverAt(group, { line: position.line, character: position.character });
      if (text) return new vscode.Hover(new vscode.MarkdownString(text));
    }
    return undefined;
  }
}
