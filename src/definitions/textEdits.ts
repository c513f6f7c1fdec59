// Text edits that quick fixes are made of, computed from the source tree so they keep the file's layout.
import { PathSegment, Range, TextEdit } from './model';
import { YamlSource } from './yamlSource';

export function replaceValue(source: YamlSource, path: readonly PathSegment[], newText: string): TextEdit[] {
  const range: Range | undefined = source.valueRange(path);
  return range ? [{ range, newText }] : [];
}

/** Deletes `key: value` (with its line in block style, with its comma in flow style). */
export function deletePair(source: YamlSource, path: readonly PathSegment[]): TextEdit[] {
  const found = source.pairAt(path);
  if (!found) return [];
  const { pair, map } = found;
  const valueEnd = pair.value?.end ?? pair.key.end;
  if (map.flow) {
    const idx = map.pairs.indexOf(pair);
    const next = map.pairs[idx + 1];
    const prev = map.pairs[idx - 1];
    if (next) return [{ range: source.rangeAt(pair.key.start, next.key.start), newText: '' }];
    if (prev) return [{ range: source.rangeAt(prev.value?.end ?? prev.key.end, valueEnd), newText: '' }];
    return [{ range: source.rangeAt(pair.key.start, valueEnd), newText: '' }];
  }
  // The only entry of a block mapping: removing just it would leave `parent:` empty (null, a type error), so the
  // parent entry goes too; "not written" means the same as an empty block.
  if (
    map.pairs.length === 1 &&
    path.length > 1 &&
    typeof path[path.length - 2] === 'string' &&
    source.pairAt(path.slice(0, -1))
  ) {
    return deletePair(source, path.slice(0, -1));
  }
  const text = source.text;
  const lineStart = text.lastIndexOf('\n', pair.key.start - 1) + 1;
  const nl = text.indexOf('\n', Math.max(valueEnd - 1, pair.key.start));
  const end = nl < 0 ? text.length : nl + 1;
  return [{ range: source.rangeAt(lineStart, end), newText: '' }];
}
