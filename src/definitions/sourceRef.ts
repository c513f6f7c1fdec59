// Where something comes from in the definitions (file and range), so a plan item or a finding links back to the line.
import type { PathSegment, PimGroupDefinition, Range } from './model';

export interface SourceRef {
  file: string;
  range: Range;
}

export function sourceAt(def: { source: PimGroupDefinition['source'] }, path: readonly PathSegment[]): SourceRef {
  return { file: def.source.file, range: def.source.rangeOf(path) };
}
