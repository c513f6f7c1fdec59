// The workspace view: every file parsed (or taken from the cache), then the rules that need the clock, the
// templates and the other documents. Never throws.
import {
  Definition,
  DefinitionFile,
  Finding,
  PimGroupDefinition,
  PolicyTemplateDefinition,
  SettingsDefinition,
  Workspace,
} from './model';
import { parseDocuments, ParsedFile } from './parseDocuments';
import { effectivePolicyRules } from './rules/effectivePolicyRules';
import { workspaceRules } from './rules/workspaceRules';
import { oneSettingsDocument } from './rules/settingsRules';
import { YamlSource } from './yamlSource';

export interface LoadOptions {
  /** The clock for "until not in the past"; defaults to the current time. */
  now?: Date;
  /** Reuses the parse of files whose text did not change since the last call with the same cache. */
  cache?: ParseCache;
}

/** Parse results by file path, reused while the text is unchanged (parsing is most of the cost). */
export class ParseCache {
  private readonly entries = new Map<string, { text: string; parsed: ParsedFile }>();

  get(file: DefinitionFile): ParsedFile {
    const hit = this.entries.get(file.path);
    if (hit && hit.text === file.text) return hit.parsed;
    const parsed = parseDocuments(file);
    this.entries.set(file.path, { text: file.text, parsed });
    return parsed;
  }

  private readonly groupFindings = new WeakMap<
    PimGroupDefinition,
    { templates: readonly PolicyTemplateDefinition[]; minute: number; findings: Finding[] }
  >();

  /**
   * The policy findings of a group, reused while the group (same parse), every template and the clock's minute
   * are unchanged. The minute granularity means "until in the past" may lag the clock by up to a minute.
   */
  findingsOf(
    group: PimGroupDefinition,
    templates: readonly PolicyTemplateDefinition[],
    now: number,
    compute: () => Finding[],
  ): Finding[] {
    const minute = Math.floor(now / 60_000);
    const hit = this.groupFindings.get(group);
    if (
      hit &&
      hit.minute === minute &&
      hit.templates.length === templates.length &&
      hit.templates.every((t, i) => t === templates[i])
    )
      return hit.findings;
    const findings = compute();
    this.groupFindings.set(group, { templates, minute, findings });
    return findings;
  }

  /** Forgets files that are no longer part of the workspace. */
  retain(paths: Iterable<string>): void {
    const keep = new Set(paths);
    for (const p of [...this.entries.keys()]) if (!keep.has(p)) this.entries.delete(p);
  }
}

function split(defs: readonly Definition[]): { groups: PimGroupDefinition[]; templates: PolicyTemplateDefinition[] } {
  const groups: PimGroupDefinition[] = [];
  const templates: PolicyTemplateDefinition[] = [];
  for (const d of defs) (d.kind === 'PimGroup' ? groups : templates).push(d as never);
  return { groups, templates };
}

function guarded(run: () => Finding[], file: string): Finding[] {
  try {
    return run();
  } catch (e) {
    return [
      {
        code: 'PIM001',
        severity: 'error',
        file,
        range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
        message: `Internal error while checking: ${(e as Error).message}`,
      },
    ];
  }
}

function groupFindings(
  groups: readonly PimGroupDefinition[],
  templates: readonly PolicyTemplateDefinition[],
  now: number,
  skipUnresolved: boolean,
  cache?: ParseCache,
): Finding[] {
  const out: Finding[] = [];
  for (const g of groups) {
    const compute = () =>
      guarded(() => effectivePolicyRules(g, g.source as YamlSource, { templates, now, skipUnresolved }), g.source.file);
    out.push(...(cache ? cache.findingsOf(g, templates, now, compute) : compute()));
  }
  return out;
}

/** One file alone: syntax, schema and every rule that the file itself can settle (templates from other files are unknown). */
export function parseFile(
  file: DefinitionFile,
  options: { now?: Date } = {},
): { definitions: Definition[]; findings: Finding[] } {
  const parsed = parseDocuments(file);
  const { groups, templates } = split(parsed.definitions);
  const now = (options.now ?? new Date()).getTime();
  return {
    definitions: parsed.definitions,
    findings: [...parsed.findings, ...groupFindings(groups, templates, now, true)],
  };
}

export function loadWorkspace(files: readonly DefinitionFile[], options: LoadOptions = {}): Workspace {
  const now = (options.now ?? new Date()).getTime();
  const findings: Finding[] = [];
  const defs: Definition[] = [];
  const settings: SettingsDefinition[] = [];
  for (const file of files) {
    const parsed = options.cache ? options.cache.get(file) : parseDocuments(file);
    findings.push(...parsed.findings);
    defs.push(...parsed.definitions);
    settings.push(...parsed.settings);
  }
  options.cache?.retain(files.map((f) => f.path));
  const { groups, templates } = split(defs);
  findings.push(...groupFindings(groups, templates, now, false, options.cache));
  findings.push(...guarded(() => workspaceRules(groups, templates), files[0]?.path ?? ''));
  findings.push(...guarded(() => oneSettingsDocument(settings), files[0]?.path ?? ''));
  return { groups, templates, ...(settings.length ? { settings: settings[0] } : {}), findings };
}

/**
 * The workspace with the Settings held by `files`, files found outside the ones it was loaded from (the Settings
 * lookup): their findings join the workspace's, so a broken Settings document stops a plan instead of protecting
 * nobody, and two Settings documents are still PIM054.
 */
export function withSettingsFrom(ws: Workspace, files: readonly DefinitionFile[]): Workspace {
  const parsed = files.map(parseDocuments);
  const settings = [...(ws.settings ? [ws.settings] : []), ...parsed.flatMap((p) => p.settings)];
  const findings = [
    ...ws.findings,
    ...parsed.flatMap((p) => p.findings),
    ...guarded(() => oneSettingsDocument(settings), files[0]?.path ?? ''),
  ];
  return { ...ws, ...(settings.length ? { settings: settings[0] } : {}), findings };
}
