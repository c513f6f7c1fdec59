// Validation findings as workflow annotations (file, line, column). @actions/core escapes what the workflow command
// syntax needs (%, CR, LF; ':' and ',' in properties); other control characters from a definition file (an escape
// sequence, NUL) are shown as \u escapes so that the log and the annotation show what is in the file.
import * as core from '@actions/core';
import * as path from 'node:path';
import type { Finding } from '../definitions/model';

export const visible = (s: string) => s.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);

export function annotate(findings: readonly Finding[], workspace: string): { errors: number; warnings: number } {
  let errors = 0, warnings = 0;
  for (const f of findings) {
    if (f.severity === 'info') continue;
    const props: core.AnnotationProperties = {
      title: `${f.code}`, file: visible(path.relative(workspace, path.resolve(workspace, f.file)).split(path.sep).join('/')),
      startLine: f.range.start.line + 1, startColumn: f.range.start.character + 1,
    };
    if (f.severity === 'error') { errors++; core.error(visible(f.message), props); } else { warnings++; core.warning(visible(f.message), props); }
  }
  return { errors, warnings };
}
