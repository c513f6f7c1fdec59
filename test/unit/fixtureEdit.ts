// Edits of a fixture text that must each match: a "does not fire" test built on an edit that changed nothing would
// pass without testing anything, so an absent search string (or pattern) throws instead.

type Replacement = string | ((match: string, ...groups: string[]) => string);

/** `text` with each `[search, replacement]` applied in order (a global pattern replaces every match). */
export function edit(text: string, ...edits: [search: string | RegExp, replacement: Replacement][]): string {
  let out = text;
  for (const [search, replacement] of edits) {
    const found =
      typeof search === 'string'
        ? out.includes(search)
        : new RegExp(search.source, search.flags.replace('g', '')).test(out);
    if (!found) throw new Error(`fixture edit: ${String(search)} is not in the text:\n${out}`);
    out = out.replace(search, replacement as string);
  }
  return out;
}
