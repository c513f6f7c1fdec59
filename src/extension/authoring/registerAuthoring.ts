// The authoring feature: schema completion and hovers of our own, the document snippets where a document starts,
// template navigation (definition, references, rename), the outline and workspace symbols for groups. What Red Hat YAML may also provide: see coexistence.ts.
import * as vscode from 'vscode';
import { DEFINITION_SELECTOR, DefinitionsFeature } from '../common/definitionsFeature';
import { DocumentSnippetCompletions } from './documentSnippetProvider';
import { DefinitionOutline, GroupWorkspaceSymbols } from './outlineProviders';
import { SchemaCompletions } from './schemaCompletionProvider';
import { SchemaHovers } from './schemaHoverProvider';
import { TemplateNavigation } from './templateNavigation';

export function registerAuthoring(context: vscode.ExtensionContext, definitions: DefinitionsFeature): void {
  const templates = new TemplateNavigation(definitions);
  context.subscriptions.push(
    vscode.languages.registerCompletionItemProvider(DEFINITION_SELECTOR, new SchemaCompletions(), ' ', ':'),
    vscode.languages.registerCompletionItemProvider(DEFINITION_SELECTOR, new DocumentSnippetCompletions()),
    vscode.languages.registerHoverProvider(DEFINITION_SELECTOR, new SchemaHovers()),
    vscode.languages.registerDefinitionProvider(DEFINITION_SELECTOR, templates),
    vscode.languages.registerReferenceProvider(DEFINITION_SELECTOR, templates),
    vscode.languages.registerRenameProvider(DEFINITION_SELECTOR, templates),
    vscode.languages.registerDocumentSymbolProvider(DEFINITION_SELECTOR, new DefinitionOutline(), {
      label: 'PIM definition',
    }),
    vscode.languages.registerWorkspaceSymbolProvider(new GroupWorkspaceSymbols(definitions)),
  );
}
