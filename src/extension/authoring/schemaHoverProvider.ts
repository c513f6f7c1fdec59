// Hover on a key (what the schema says) and on a value the schema enumerates. Durations and instants keep their own
// hover in words (definitions/valueHoverProvider.ts), which this one never answers for.
import * as vscode from 'vscode';
import { PIM_GROUPS_SCHEMA } from '../../definitions';
import { schemaHoverAt } from '../../definitions/authoring/schemaHover';
import { documentLines, isDefinitionText, schemaFeaturesOf } from './schemaFeatures';

export class SchemaHovers implements vscode.HoverProvider {
  provideHover(document: vscode.TextDocument, position: vscode.Position): vscode.Hover | undefined {
    if (!isDefinitionText(document)) return undefined;
    const features = schemaFeaturesOf(document);
    const hover = schemaHoverAt(PIM_GROUPS_SCHEMA, documentLines(document), position, {
      keys: features.keyHovers,
      values: features.valueHovers,
    });
    if (!hover) return undefined;
    return new vscode.Hover(
      new vscode.MarkdownString(hover.markdown),
      new vscode.Range(hover.line, hover.start, hover.line, hover.end),
    );
  }
}
