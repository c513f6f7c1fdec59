// Workspace symbols for groups: find a group by its display name (or its metadata.name) from anywhere.
import { PimGroupDefinition } from '../model';
import { SourceRef } from '../sourceRef';

export interface GroupSymbol extends SourceRef {
  name: string;
  container: string;
}

/** Whether the characters of `query` appear in `text` in order, ignoring case (how symbol pickers match). */
export function fuzzyMatches(query: string, text: string): boolean {
  const t = text.toLowerCase();
  let at = 0;
  for (const ch of query.toLowerCase()) {
    at = t.indexOf(ch, at);
    if (at < 0) return false;
    at++;
  }
  return true;
}

export function groupSymbols(groups: readonly PimGroupDefinition[], query: string): GroupSymbol[] {
  return groups
    .filter((g) => fuzzyMatches(query, g.group.displayName) || fuzzyMatches(query, g.metadata.name))
    .map((g) => ({
      name: g.group.displayName,
      container: g.metadata.name,
      file: g.source.file,
      range: g.source.rangeOf(['group', 'displayName']),
    }));
}
