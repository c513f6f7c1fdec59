// Offers the document snippets as completions where a document starts (documentSnippets.ts decides where).
import * as vscode from 'vscode';
import { cursorContext } from '../../definitions/authoring/cursorContext';
import { documentLines } from './schemaFeatures';
import { DOCUMENT_SNIPPETS, startsDocument } from './documentSnippets';

export class DocumentSnippetCompletions implements vscode.CompletionItemProvider {
  provideCompletionItems(document: vscode.TextDocument, position: vscode.Position): vscode.CompletionItem[] {
    const context = cursorContext(documentLines(document), position);
    if (!startsDocument(context)) return [];
    const line = document.lineAt(position.line).text;
    let end = position.character;
    while (end < line.length && /[\w$.-]/.test(line[end])) end++;
    const range = new vscode.Range(position.line, 0, position.line, end);
    return DOCUMENT_SNIPPETS.map((s) => {
      const item = new vscode.CompletionItem(
        { label: s.prefix, description: s.name },
        vscode.CompletionItemKind.Snippet,
      );
      item.insertText = new vscode.SnippetString(s.body);
      item.documentation = s.description;
      item.range = range;
      return item;
    });
  }
}
