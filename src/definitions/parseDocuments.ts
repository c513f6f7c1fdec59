// One file → its documents: YAML syntax, kind dispatch, schema, then the rules that need only the document.
// Never throws: whatever the text, the result is definitions and findings.
import { parseAllDocuments, YAMLError } from 'yaml';
import { closestName } from './closestName';
import { finding } from './finding';
import { Definition, DefinitionFile, Finding, SettingsDefinition } from './model';
import { assignmentRules } from './rules/assignmentRules';
import { durationRules } from './rules/durationRules';
import { groupRules } from './rules/groupRules';
import { policyRules } from './rules/policyRules';
import { templatePolicyRules } from './rules/effectivePolicyRules';
import { schemaFindings } from './schemaFindings';
import { schemaValidators } from './schema';
import { replaceValue } from './textEdits';
import { toPimGroup, toPolicyTemplate, toSettings } from './toModel';
import { settingsRules } from './rules/settingsRules';
import { YamlSource } from './yamlSource';
import { readFastYaml } from './fastYaml';
import { LineIndex } from './lineIndex';
import { fromYamlDocument, SourceDocument } from './sourceTree';
import { controlCharacterFindings, reservedKeyFindings } from './rules/textRules';

export const API_VERSION = 'pim-groups/v1';
const KINDS = ['PimGroup', 'PolicyTemplate', 'Settings'] as const;
/** yaml's default; an alias bomb fails with "Excessive alias count" instead of expanding. */
const MAX_ALIAS_COUNT = 100;
/** Definition files are small (a large team's file is tens of kilobytes); a bigger one is refused before parsing,
 *  so a hostile file cannot make the editor or CI hold gigabytes. */
export const MAX_FILE_BYTES = 2 * 1024 * 1024;

export interface ParsedFile {
  definitions: Definition[];
  /** Settings documents (one per workspace is allowed; loadWorkspace reports a second). */
  settings: SettingsDefinition[];
  findings: Finding[];
}

function yamlFinding(e: YAMLError, source: YamlSource, severity: 'error' | 'warning'): Finding {
  const range = source.rangeAt(e.pos[0], e.pos[1]);
  if (e.code === 'DUPLICATE_KEY') {
    // yaml points at the key's first character; widen to the whole key.
    const key =
      /^("[^"\n]*"|'[^'\n]*'|[^:#\n]*?)(?=\s*:)/.exec(source.text.slice(e.pos[0], e.pos[0] + 1000))?.[1] ||
      source.text.slice(e.pos[0], e.pos[1]);
    return finding(
      'PIM002',
      source.file,
      source.rangeAt(e.pos[0], e.pos[0] + key.length),
      `The key '${key}' appears twice in this mapping; keep one.`,
    );
  }
  if (/call stack/i.test(e.message)) return finding('PIM001', source.file, range, TOO_DEEP, undefined, severity);
  const hint =
    e.code === 'TAB_AS_INDENT'
      ? 'Indent with spaces, not tabs.'
      : e.message.replace(/\s+at line \d+, column \d+:?[\s\S]*$/, '');
  return finding('PIM001', source.file, range, hint.endsWith('.') ? hint : `${hint}.`, undefined, severity);
}

function checkDocument(
  value: unknown,
  source: YamlSource,
  out: Finding[],
): Definition | SettingsDefinition | undefined {
  const file = source.file;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    out.push(
      finding(
        'PIM006',
        file,
        source.rangeOf([]),
        'A definition must be a mapping that starts with apiVersion: pim-groups/v1 and kind: PimGroup, PolicyTemplate or Settings.',
      ),
    );
    return undefined;
  }
  const doc = value as Record<string, unknown>;
  let ok = true;
  if (doc.apiVersion !== API_VERSION) {
    ok = false;
    const written = 'apiVersion' in doc;
    const range = source.rangeOf(written ? ['apiVersion'] : [], written ? 'value' : 'key');
    const fixes = written
      ? [
          {
            title: `Change to ${API_VERSION}`,
            edits: replaceValue(source, ['apiVersion'], API_VERSION),
            isPreferred: true,
          },
        ]
      : [];
    out.push(
      finding(
        'PIM003',
        file,
        range,
        written ? `apiVersion must be ${API_VERSION}.` : `Add apiVersion: ${API_VERSION}.`,
        fixes,
      ),
    );
  }
  const kind = doc.kind;
  if (!(KINDS as readonly unknown[]).includes(kind)) {
    ok = false;
    const written = 'kind' in doc;
    const best = typeof kind === 'string' ? closestName(kind, KINDS) : undefined;
    const fixes = best
      ? [{ title: `Change to ${best}`, edits: replaceValue(source, ['kind'], best), isPreferred: true }]
      : [];
    out.push(
      finding(
        'PIM003',
        file,
        source.rangeOf(written ? ['kind'] : [], written ? 'value' : 'key'),
        written
          ? `kind must be PimGroup, PolicyTemplate or Settings${best ? `; did you mean ${best}?` : '.'}`
          : 'Add kind: PimGroup (or PolicyTemplate, Settings).',
        fixes,
      ),
    );
  }
  if (!ok) return undefined;
  const validate = schemaValidators()[kind as (typeof KINDS)[number]];
  if (!validate(doc)) out.push(...schemaFindings(validate.errors ?? [], source));
  if (kind === 'Settings') {
    const def = toSettings(doc, source);
    out.push(...settingsRules(def, source));
    return def;
  }
  if (kind === 'PimGroup') {
    const def = toPimGroup(doc, source);
    out.push(...durationRules(def, source), ...assignmentRules(def, source), ...groupRules(def, source));
    return def;
  }
  const def = toPolicyTemplate(doc, source);
  out.push(...durationRules(def, source), ...policyRules(def, source), ...templatePolicyRules(def, source));
  return def;
}

export function parseDocuments(file: DefinitionFile): ParsedFile {
  const definitions: Definition[] = [];
  const settings: SettingsDefinition[] = [];
  const findings: Finding[] = [];
  const text = typeof file.text === 'string' ? file.text : '';
  if (text.length > MAX_FILE_BYTES) {
    const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;
    return {
      definitions,
      settings,
      findings: [
        finding(
          'PIM001',
          file.path,
          zero,
          `This file is ${mb(text.length)}; definition files are limited to ${mb(MAX_FILE_BYTES)}. Split it into several files.`,
        ),
      ],
    };
  }
  const lines = new LineIndex(text);
  let fast: SourceDocument[] | undefined;
  try {
    fast = readFastYaml(text);
  } catch {
    fast = undefined;
  }
  const docs: { doc: SourceDocument; errors: readonly YAMLError[]; warnings: readonly YAMLError[] }[] = [];
  if (fast) {
    for (const doc of fast) docs.push({ doc, errors: [], warnings: [] });
  } else {
    try {
      // logLevel 'error': yaml would otherwise print process warnings (e.g. for collection keys) into the host's output.
      const parsed = parseAllDocuments(text, { prettyErrors: false, uniqueKeys: true, logLevel: 'error' });
      for (const d of Array.isArray(parsed) ? parsed : [])
        docs.push({ doc: fromYamlDocument(d, MAX_ALIAS_COUNT), errors: d.errors, warnings: d.warnings });
    } catch (e) {
      return {
        definitions,
        settings,
        findings: [
          finding(
            'PIM001',
            file.path,
            zero,
            e instanceof RangeError ? TOO_DEEP : `The file could not be read as YAML: ${(e as Error).message}`,
          ),
        ],
      };
    }
  }
  docs.forEach(({ doc, errors, warnings }, index) => {
    const source = new YamlSource(file.path, index, doc, text, lines);
    try {
      for (const w of warnings) findings.push(yamlFinding(w, source, 'warning'));
      if (errors.length) {
        for (const e of errors) findings.push(yamlFinding(e, source, 'error'));
        return;
      }
      if (doc.contents === null) return; // an empty document (a trailing ---, a file of comments)
      const reserved = reservedKeyFindings(doc.contents, source);
      if (reserved.length) {
        findings.push(...reserved);
        return;
      }
      findings.push(...controlCharacterFindings(doc.contents, source));
      let value: unknown;
      try {
        value = doc.value();
      } catch (e) {
        findings.push(
          finding(
            'PIM001',
            file.path,
            source.rangeOf([]),
            e instanceof RangeError
              ? TOO_DEEP
              : `${(e as Error).message.replace(/\.?$/, '.')} Avoid aliases here; write the values out.`,
          ),
        );
        return;
      }
      const def = checkDocument(value, source, findings);
      if (def?.kind === 'Settings') settings.push(def);
      else if (def) definitions.push(def);
    } catch (e) {
      // A bug of ours must not take the editor's diagnostics down with it; say so where the document starts.
      findings.push(
        finding(
          'PIM001',
          file.path,
          source.rangeOf([]),
          e instanceof RangeError ? TOO_DEEP : `Internal error while checking this document: ${(e as Error).message}`,
        ),
      );
    }
  });
  return { definitions, settings, findings };
}

const TOO_DEEP = 'This document is nested too deeply to check; definitions need only a few levels.';
const zero = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
