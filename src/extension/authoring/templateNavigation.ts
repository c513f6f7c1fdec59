// Go to definition, find references and rename for PolicyTemplate names (`template:` values and the templates'
// `metadata.name`), across the workspace, from the last validation (templateIndex.ts decides).
import * as vscode from 'vscode';
import { PIM_GROUPS_SCHEMA } from '../../definitions';
import {
  checkTemplateRename,
  templateNameAt,
  TemplateOccurrence,
  templateOccurrences,
  templateRenameEdits,
} from '../../definitions/authoring/templateIndex';
import { definitionPathOf, definitionUris } from '../common/plans/definitionPaths';
import { DefinitionsFeature } from '../common/definitionsFeature';
import { toVsRange } from '../common/vsRanges';

export class TemplateNavigation implements vscode.DefinitionProvider, vscode.ReferenceProvider, vscode.RenameProvider {
  constructor(private readonly definitions: DefinitionsFeature) {}

  private index(): { occurrences: TemplateOccurrence[]; uris: Record<string, string> } {
    const result = this.definitions.lastResult();
    if (!result) return { occurrences: [], uris: {} };
    return {
      occurrences: templateOccurrences(result.groups, result.templates),
      uris: definitionUris(result.files.keys()),
    };
  }

  private at(document: vscode.TextDocument, position: vscode.Position) {
    const { occurrences, uris } = this.index();
    const hit = templateNameAt(occurrences, definitionPathOf(document.uri), position);
    const location = (o: TemplateOccurrence) =>
      new vscode.Location(uris[o.file] ? vscode.Uri.parse(uris[o.file]) : vscode.Uri.file(o.file), toVsRange(o.range));
    return { hit, occurrences, uris, location };
  }

  provideDefinition(document: vscode.TextDocument, position: vscode.Position): vscode.Location[] {
    const { hit, occurrences, location } = this.at(document, position);
    if (!hit) return [];
    return occurrences.filter((o) => o.role === 'declaration' && o.name === hit.name).map(location);
  }

  provideReferences(
    document: vscode.TextDocument,
    position: vscode.Position,
    context: vscode.ReferenceContext,
  ): vscode.Location[] {
    const { hit, occurrences, location } = this.at(document, position);
    if (!hit) return [];
    return occurrences
      .filter((o) => o.name === hit.name && (context.includeDeclaration || o.role === 'reference'))
      .map(location);
  }

  prepareRename(
    document: vscode.TextDocument,
    position: vscode.Position,
  ): { range: vscode.Range; placeholder: string } {
    const { hit } = this.at(document, position);
    if (!hit)
      throw new Error('Only a template name (a `template:` value or a template’s metadata.name) can be renamed here.');
    return { range: toVsRange(hit.range), placeholder: hit.name };
  }

  provideRenameEdits(document: vscode.TextDocument, position: vscode.Position, newName: string): vscode.WorkspaceEdit {
    const { hit, occurrences, uris } = this.at(document, position);
    if (!hit) throw new Error('Only a template name can be renamed here.');
    const check = checkTemplateRename(PIM_GROUPS_SCHEMA, occurrences, hit.name, newName);
    // VS Code shows a thrown error's message in the rename box and changes nothing.
    if (!check.ok) throw new Error(check.message);
    const edit = new vscode.WorkspaceEdit();
    for (const [file, edits] of templateRenameEdits(occurrences, hit.name, newName)) {
      const uri = uris[file] ? vscode.Uri.parse(uris[file]) : vscode.Uri.file(file);
      for (const e of edits) edit.replace(uri, toVsRange(e.range), e.newText);
    }
    return edit;
  }
}
