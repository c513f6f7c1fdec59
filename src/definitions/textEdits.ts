// Text edits that quick fixes are made of, computed from the YAML nodes so they keep the file's layout.
import { isMap, Node, Pair, YAMLMap } from 'yaml';
import { PathSegment, Range, TextEdit } from './model';
import { YamlSource } from './yamlSource';

export function replaceValue(source: YamlSource, path: readonly PathSegment[], newText: string): TextEdit[] {
  const range: Range | undefined = source.valueRange(path);
  return range ? [{ range, newText }] : [];
}

/** Deletes `key: value` (with its line in block style, with its comma in flow style). */
export function deletePair(source: YamlSource, path: readonly PathSegment[]): TextEdit[] {
  const pair = source.pairAt(path);
  const parent = source.locate(path.slice(0, -1)).node;
  if (!pair || !isMap(parent)) return [];
  const map = parent as YAMLMap;
  const key = pair.key as Node;
  const valueEnd = (pair.value as Node | null)?.range?.[1] ?? key.range![1];
  if (map.flow) {
    const idx = map.items.indexOf(pair as Pair<unknown, unknown>);
    const next = map.items[idx + 1] as Pair | undefined;
    const prev = map.items[idx - 1] as Pair | undefined;
    if (next) return [{ range: source.rangeAt(key.range![0], (next.key as Node).range![0]), newText: '' }];
    if (prev) {
      const prevEnd = (prev.value as Node | null)?.range?.[1] ?? (prev.key as Node).range![1];
      return [{ range: source.rangeAt(prevEnd, valueEnd), newText: '' }];
    }
    return [{ range: source.rangeAt(key.range![0], valueEnd), newText: '' }];
  }
  const text = source.text;
  const lineStart = text.lastIndexOf('\n', key.range![0] - 1) + 1;
  const nl = text.indexOf('\n', Math.max(valueEnd - 1, key.range![0]));
  const end = nl < 0 ? text.length : nl + 1;
  return [{ range: source.rangeAt(lineStart, end), newText: '' }];
}
