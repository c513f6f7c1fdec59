// Validates the tracked definition files together (cross-file rules need the whole set) and sorts the findings
// back to the files they belong to. Pure: the loader is passed in so tests use the real one without VS Code.
import type { LoadOptions, loadWorkspace } from '../../definitions';
import { Finding } from '../../definitions/model';
import { TrackedFile } from './definitionFileSet';
import type { ValidatedFile, ValidationResult } from '../common/definitionsFeature';

export type { ValidatedFile, ValidationResult };

export type LoadWorkspace = typeof loadWorkspace;

export function validateFiles(
  tracked: readonly TrackedFile[],
  load: LoadWorkspace,
  options: LoadOptions = {},
): ValidationResult {
  const files = new Map<string, ValidatedFile>();
  const keyByPath = new Map<string, string>();
  for (const t of tracked) {
    files.set(t.key, { key: t.key, version: t.version, findings: [] });
    keyByPath.set(t.path, t.key);
  }
  const workspace = load(
    tracked.map((t) => ({ path: t.path, text: t.text })),
    options,
  );
  options.cache?.retain(keyByPath.keys());
  const unplaced: Finding[] = [];
  for (const finding of workspace.findings) {
    const key = keyByPath.get(finding.file);
    if (key === undefined) unplaced.push(finding);
    else files.get(key)!.findings.push(finding);
  }
  return { files, unplaced, groups: workspace.groups, templates: workspace.templates, settings: workspace.settings };
}
