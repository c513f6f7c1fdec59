// Reads what coexistence.ts decides from: the installed extensions, the `yaml.schemas` setting and the document.
import * as vscode from 'vscode';
import { SCHEMA_ID } from '../../definitions';
import { SchemaFeatures, schemaFeaturesFor } from './coexistence';

export function schemaFeaturesOf(document: vscode.TextDocument): SchemaFeatures {
  return schemaFeaturesFor({
    installedExtensions: vscode.extensions.all.map((e) => e.id),
    yamlSchemas: vscode.workspace.getConfiguration('yaml', document.uri).get('schemas'),
    documentText: document.getText(new vscode.Range(0, 0, 20, 0)),
    schemaId: SCHEMA_ID,
  });
}

/** An untitled YAML buffer is a definition only once it says so; other YAML gets nothing from us. */
export function isDefinitionText(document: vscode.TextDocument): boolean {
  return document.uri.scheme !== 'untitled' || document.getText().includes('pim-groups/');
}

export function documentLines(document: vscode.TextDocument): string[] {
  return document.getText().split(/\r?\n/);
}
