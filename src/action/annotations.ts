// Validation findings as workflow annotations (file, line, column). Control characters from a definition file (a
// line break that would start another workflow command, an ANSI sequence) are shown as escapes (src/text/escape.ts);
// @actions/core then escapes what the command syntax needs (%, and ':' and ',' in properties).
import * as core from '@actions/core';
import * as path from 'node:path';
import type { Finding } from '../definitions/model';
import { escapeControl } from '../text/escape';

export const visible = escapeControl;

export function annotate(findings: readonly Finding[], workspace: string): { errors: number; warnings: number } {
  let errors = 0,
    warnings = 0;
  for (const f of findings) {
    if (f.severity === 'info') continue;
    const props: core.AnnotationProperties = {
      title: `${f.code}`,
      file: visible(path.relative(workspace, path.resolve(workspace, f.file)).split(path.sep).join('/')),
      startLine: f.range.start.line + 1,
      startColumn: f.range.start.character + 1,
    };
    if (f.severity === 'error') {
      errors++;
      core.error(visible(f.message), props);
    } else {
      warnings++;
      core.warning(visible(f.message), props);
    }
  }
  return { errors, warnings };
}
