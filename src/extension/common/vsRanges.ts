// Plain model ranges ↔ VS Code ranges: every feature that shows a definition's source needs it.
import * as vscode from 'vscode';
import { Range } from '../../definitions/model';

export function toVsRange(range: Range): vscode.Range {
  return new vscode.Range(range.start.line, range.start.character, range.end.line, range.end.character);
}
