// Which definitions a preview or apply plans: one file's groups or the workspace's, never a file with errors in it
// (its definitions are reported as not planned, with a link to Problems). Pure: no `vscode`.
import { createHash } from 'node:crypto';
import type {
  Finding,
  PimGroupDefinition,
  PolicyTemplateDefinition,
  SettingsDefinition,
} from '../../../definitions/model';

export interface DefinitionsSnapshot {
  groups: readonly PimGroupDefinition[];
  templates: readonly PolicyTemplateDefinition[];
  settings?: SettingsDefinition;
  findings: readonly Finding[];
}

/** What is planned: the whole workspace, or the definitions of one file (its path as findings name it). */
export interface PlanScope {
  file?: string;
}

export interface BlockedFile {
  file: string;
  errors: number;
  firstError: Finding;
}

export interface ScopedDefinitions {
  groups: PimGroupDefinition[];
  templates: PolicyTemplateDefinition[];
  /** The workspace's settings, whatever the scope: protected principals guard every plan. */
  settings?: SettingsDefinition;
  /** Files in scope whose errors keep their definitions out of the plan. */
  blocked: BlockedFile[];
}

export const scopeKey = (scope: PlanScope): string => (scope.file ? `file:${scope.file}` : 'workspace');
export const scopeLabel = (scope: PlanScope): string => scope.file ?? 'the workspace';

export function selectDefinitions(snapshot: DefinitionsSnapshot, scope: PlanScope): ScopedDefinitions {
  const errorsByFile = new Map<string, Finding[]>();
  for (const f of snapshot.findings) {
    if (f.severity !== 'error' || (scope.file && f.file !== scope.file)) continue;
    errorsByFile.set(f.file, [...(errorsByFile.get(f.file) ?? []), f]);
  }
  const blocked = [...errorsByFile]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([file, errors]) => ({ file, errors: errors.length, firstError: errors[0] }));
  const inScope = (file: string) => (!scope.file || file === scope.file) && !errorsByFile.has(file);
  return {
    groups: snapshot.groups.filter((g) => inScope(g.source.file)),
    // Templates are shared across files: every typed one may be referenced, wherever it lives.
    templates: [...snapshot.templates],
    ...(snapshot.settings ? { settings: snapshot.settings } : {}),
    blocked,
  };
}

/**
 * What a group's plan depends on in the definitions: the group as typed (with its source lines) and the templates.
 * Equal signatures mean a stored plan still describes what the editor shows.
 */
export function definitionSignature(group: PimGroupDefinition, templates: readonly PolicyTemplateDefinition[]): string {
  return createHash('sha1')
    .update(JSON.stringify(group, withPlainSource))
    .update(JSON.stringify(templates, withPlainSource))
    .digest('hex');
}

/** Source info carries a function (and may carry parser state): only where the document is matters. */
function withPlainSource(key: string, value: unknown): unknown {
  if (key !== 'source' || !value || typeof value !== 'object') return value;
  const s = value as { file?: unknown; index?: unknown; range?: unknown };
  return { file: s.file, index: s.index, range: s.range };
}

/** The signature of a whole scope: its groups in order, and its blocked files. */
export function scopeSignature(scoped: ScopedDefinitions): string {
  const hash = createHash('sha1');
  for (const g of scoped.groups) hash.update(definitionSignature(g, scoped.templates));
  hash.update(JSON.stringify(scoped.settings ?? null, withPlainSource));
  hash.update(JSON.stringify(scoped.blocked.map((b) => [b.file, b.errors])));
  return hash.digest('hex');
}
