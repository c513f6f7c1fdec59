// Hover over a duration or an instant in a definition to read it in words.
import * as vscode from 'vscode';
import { HOVER_VALUE_PATTERN, valueHover } from './valueHover';

export class DefinitionValueHovers implements vscode.HoverProvider {
  provideHover(document: vscode.TextDocument, position: vscode.Position): vscode.Hover | undefined {
    const range = document.getWordRangeAtPosition(position, HOVER_VALUE_PATTERN);
    if (!range) return undefined;
    const text = valueHover(document.getText(range));
    return text ? new vscode.Hover(new vscode.MarkdownString(text), range) : undefined;
  }
}
