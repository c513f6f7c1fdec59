// The outline (document symbols) of a definition file and workspace symbols for groups.
import * as vscode from 'vscode';
import { documentOutline, OutlineKind, OutlineNode } from '../../definitions/authoring/documentOutline';
import { groupSymbols } from '../../definitions/authoring/groupSymbols';
import { definitionUris } from '../common/plans/definitionPaths';
import { DefinitionsFeature } from '../common/definitionsFeature';
import { toVsRange } from '../common/vsRanges';
import { isDefinitionText } from './schemaFeatures';

const SYMBOL_KINDS: Record<OutlineKind, vscode.SymbolKind> = {
  document: vscode.SymbolKind.Class,
  section: vscode.SymbolKind.Namespace,
  entry: vscode.SymbolKind.Property,
  item: vscode.SymbolKind.Object,
};

function toSymbol(node: OutlineNode): vscode.DocumentSymbol {
  const symbol = new vscode.DocumentSymbol(
    node.name,
    node.detail,
    SYMBOL_KINDS[node.kind],
    toVsRange(node.range),
    toVsRange(node.selection),
  );
  symbol.children = node.children.map(toSymbol);
  return symbol;
}

export class DefinitionOutline implements vscode.DocumentSymbolProvider {
  provideDocumentSymbols(document: vscode.TextDocument): vscode.DocumentSymbol[] {
    return isDefinitionText(document) ? documentOutline(document.getText()).map(toSymbol) : [];
  }
}

export class GroupWorkspaceSymbols implements vscode.WorkspaceSymbolProvider {
  constructor(private readonly definitions: DefinitionsFeature) {}

  provideWorkspaceSymbols(query: string): vscode.SymbolInformation[] {
    const result = this.definitions.lastResult();
    if (!result) return [];
    const uris = definitionUris(result.files.keys());
    return groupSymbols(result.groups, query).map(
      (s) =>
        new vscode.SymbolInformation(
          s.name,
          vscode.SymbolKind.Class,
          s.container,
          new vscode.Location(
            uris[s.file] ? vscode.Uri.parse(uris[s.file]) : vscode.Uri.file(s.file),
            toVsRange(s.range),
          ),
        ),
    );
  }
}
