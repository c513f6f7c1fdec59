// The document snippets (a whole PimGroup or PolicyTemplate, snippets/pim-yaml.json) make sense only where a
// document starts: a key typed at column 0 of a YAML document that has no key yet. VS Code's own snippet
// contribution cannot say where, so the extension offers them itself: this decides, documentSnippetProvider.ts
// makes the items. Pure: no `vscode`.
import snippets from '../../../snippets/pim-yaml.json';
import type { CursorContext } from '../../definitions/authoring/cursorContext';

export interface DocumentSnippet {
  /** What is typed to pick it (`pim-group`). */
  prefix: string;
  name: string;
  description: string;
  /** VS Code snippet syntax. */
  body: string;
}

export const DOCUMENT_SNIPPETS: readonly DocumentSnippet[] = Object.entries(snippets).map(([name, s]) => ({
  prefix: s.prefix,
  name,
  description: s.description,
  body: s.body.join('\n'),
}));

/** Whether a whole document may be inserted at the cursor (never inside a mapping, a list or beside other keys). */
export function startsDocument(context: CursorContext | undefined): boolean {
  return (
    !!context &&
    context.at === 'key' &&
    context.path.length === 0 &&
    context.prefixStart === 0 &&
    !context.newItem &&
    context.siblings.length === 0
  );
}
