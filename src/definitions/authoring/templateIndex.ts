// Where PolicyTemplate names are declared (`metadata.name` of a kind: PolicyTemplate document) and used (`template:`
// in a group's role block), across the workspace: what go to definition, find references and rename read.
import { PimGroupDefinition, PolicyTemplateDefinition, Position, Range, ROLES } from '../model';
import { SourceRef } from '../sourceRef';
import { SchemaNode, schemasAt } from './schemaAtPath';

export interface TemplateOccurrence extends SourceRef {
  name: string;
  role: 'declaration' | 'reference';
}

/** Every declaration and reference of a template name in the validated workspace. */
export function templateOccurrences(
  groups: readonly PimGroupDefinition[],
  templates: readonly PolicyTemplateDefinition[],
): TemplateOccurrence[] {
  const out: TemplateOccurrence[] = [];
  for (const t of templates)
    out.push({
      name: t.metadata.name,
      role: 'declaration',
      file: t.source.file,
      range: t.source.rangeOf(['metadata', 'name']),
    });
  for (const g of groups)
    for (const role of ROLES) {
      const name = g.policies[role]?.template;
      if (name !== undefined)
        out.push({
          name,
          role: 'reference',
          file: g.source.file,
          range: g.source.rangeOf(['policies', role, 'template']),
        });
    }
  return out;
}

const within = (p: Position, r: Range) =>
  (p.line > r.start.line || (p.line === r.start.line && p.character >= r.start.character)) &&
  (p.line < r.end.line || (p.line === r.end.line && p.character <= r.end.character));

/** The template name at a position of a file (on a `template:` value or a template's `metadata.name`). */
export function templateNameAt(
  occurrences: readonly TemplateOccurrence[],
  file: string,
  position: Position,
): TemplateOccurrence | undefined {
  return occurrences.find((o) => o.file === file && within(position, o.range));
}

export type RenameCheck = { ok: true } | { ok: false; message: string };

/** Whether `newName` can replace `oldName`: a valid template name (as the schema says) that no template has yet. */
export function checkTemplateRename(
  schema: SchemaNode,
  occurrences: readonly TemplateOccurrence[],
  oldName: string,
  newName: string,
): RenameCheck {
  if (newName === oldName) return { ok: false, message: `The template is already named '${oldName}'.` };
  const rules = schemasAt(schema, ['metadata', 'name'], { kind: 'PolicyTemplate' });
  for (const s of rules) {
    if (typeof s.pattern === 'string' && !new RegExp(s.pattern, 'u').test(newName))
      return {
        ok: false,
        message: `'${newName}' is not a valid template name. ${typeof s.patternErrorMessage === 'string' ? s.patternErrorMessage : `It must match ${s.pattern}.`}`,
      };
    if (typeof s.maxLength === 'number' && newName.length > s.maxLength)
      return { ok: false, message: `'${newName}' is longer than ${s.maxLength} characters.` };
  }
  const taken = occurrences.find((o) => o.role === 'declaration' && o.name === newName);
  if (taken) return { ok: false, message: `A template named '${newName}' already exists in ${taken.file}.` };
  return { ok: true };
}

/** The edits of a rename, file by file: every declaration and reference of `oldName` becomes `newName`. */
export function templateRenameEdits(
  occurrences: readonly TemplateOccurrence[],
  oldName: string,
  newName: string,
): Map<string, { range: Range; newText: string }[]> {
  const edits = new Map<string, { range: Range; newText: string }[]>();
  for (const o of occurrences) {
    if (o.name !== oldName) continue;
    const list = edits.get(o.file) ?? [];
    list.push({ range: o.range, newText: newName });
    edits.set(o.file, list);
  }
  return edits;
}
