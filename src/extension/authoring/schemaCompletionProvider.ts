// Completion of keys and values from the schema (schemaCompletion.ts decides; this turns candidates into items).
import * as vscode from 'vscode';
import { PIM_GROUPS_SCHEMA } from '../../definitions';
import { cursorContext } from '../../definitions/authoring/cursorContext';
import { Candidate, schemaCandidates } from '../../definitions/authoring/schemaCompletion';
import { documentLines, isDefinitionText, schemaFeaturesOf } from './schemaFeatures';

const KINDS: Record<Candidate['kind'], vscode.CompletionItemKind> = {
  key: vscode.CompletionItemKind.Property,
  value: vscode.CompletionItemKind.EnumMember,
  duration: vscode.CompletionItemKind.Value,
};

export class SchemaCompletions implements vscode.CompletionItemProvider {
  provideCompletionItems(
    document: vscode.TextDocument,
    position: vscode.Position,
    _token: vscode.CancellationToken,
    trigger?: vscode.CompletionContext,
  ): vscode.CompletionItem[] {
    if (!isDefinitionText(document)) return [];
    const context = cursorContext(documentLines(document), position);
    if (!context) return [];
    // A space in the indentation is not a request for keys; after `key: ` or `- ` it is one for values.
    const typedSpace = trigger?.triggerKind === vscode.CompletionTriggerKind.TriggerCharacter;
    if (typedSpace && context.at === 'key' && !context.newItem) return [];
    const features = schemaFeaturesOf(document);
    const candidates = schemaCandidates(PIM_GROUPS_SCHEMA, context, features);
    const line = document.lineAt(position.line).text;
    // Replace the whole word under the cursor (typing inside `requi|reMfa` replaces the key, not half of it).
    let end = position.character;
    while (end < line.length && /[\w$.-]/.test(line[end])) end++;
    const range = new vscode.Range(position.line, context.prefixStart, position.line, end);
    return candidates.map((c) => {
      const item = new vscode.CompletionItem(
        c.kind === 'duration'
          ? { label: c.label, detail: ` — ${c.detail}` }
          : { label: c.label, description: c.detail },
        KINDS[c.kind],
      );
      item.insertText = new vscode.SnippetString(c.insertSnippet);
      item.documentation = new vscode.MarkdownString(c.documentation);
      item.range = range;
      item.sortText = c.sortText;
      if (c.kind === 'value' && c.detail === 'default') item.preselect = true;
      if (c.retrigger) item.command = { command: 'editor.action.triggerSuggest', title: 'Suggest values' };
      return item;
    });
  }
}
