// Offers the workspace's PolicyTemplate names after `template:`.
import * as vscode from 'vscode';
import { DefinitionDiagnostics } from './definitionDiagnostics';
import { templatePrefixAt, templateSuggestions } from './templateCompletion';

export class TemplateNameCompletions implements vscode.CompletionItemProvider {
  constructor(private readonly diagnostics: DefinitionDiagnostics) {}

  provideCompletionItems(document: vscode.TextDocument, position: vscode.Position): vscode.CompletionItem[] {
    const prefix = templatePrefixAt(document.lineAt(position.line).text.slice(0, position.character));
    const templates = this.diagnostics.lastResult?.templates;
    if (prefix === undefined || !templates) return [];
    const range = new vscode.Range(
      position.line,
      position.character - prefix.length,
      position.line,
      position.character,
    );
    return templateSuggestions(templates, prefix).map((s) => {
      const item = new vscode.CompletionItem(s.name, vscode.CompletionItemKind.Reference);
      item.detail = `PolicyTemplate · ${s.file}`;
      item.documentation = s.summary;
      item.range = range;
      item.sortText = `0${s.name}`; // before schema suggestions from the YAML extension
      return item;
    });
  }
}
