// Which of our schema features run beside Red Hat YAML. Pure (no `vscode`), so the decision is unit-tested.
//
// The extension does not contribute its schema to Red Hat YAML (no `yamlValidation`): completion, hovers and
// diagnostics of *.pim.yaml are ours, with or without that extension, so nothing appears twice by default. A user
// who associates the schema with Red Hat YAML on purpose (`yaml.schemas`, or a `# yaml-language-server: $schema=`
// line in the file) gets its key and value completion and its key hovers; ours then step back to what it cannot
// give: durations in words (beyond the schema's examples, which it offers), template names, tenant items, and the
// duration and instant hovers. See docs/authoring.md.

export const RED_HAT_YAML = 'redhat.vscode-yaml';

/** How the schema is recognised in a setting or a modeline: its published URL or a path to its file. */
const SCHEMA_FILE = /(^|[/\\])pim-groups\.schema\.json$/;

export interface SchemaFeatures {
  keys: boolean;
  values: boolean;
  /** Offer the durations the schema lists as examples (Red Hat YAML offers those itself). */
  durationExamples: boolean;
  keyHovers: boolean;
  valueHovers: boolean;
}

export const ALL_OURS: SchemaFeatures = {
  keys: true,
  values: true,
  durationExamples: true,
  keyHovers: true,
  valueHovers: true,
};
const BESIDE_RED_HAT: SchemaFeatures = {
  keys: false,
  values: false,
  durationExamples: false,
  keyHovers: false,
  valueHovers: false,
};

/** Whether `yaml.schemas` (schema URL or path → glob or globs) maps our schema onto some files. */
export function yamlSchemasNameOurs(yamlSchemas: unknown, schemaId: string): boolean {
  if (typeof yamlSchemas !== 'object' || yamlSchemas === null) return false;
  return Object.keys(yamlSchemas).some((k) => k === schemaId || SCHEMA_FILE.test(k.trim()));
}

/** Whether the document names our schema in a yaml-language-server modeline. */
export function modelineNamesOurs(documentText: string, schemaId: string): boolean {
  const m = /^#\s*yaml-language-server:\s*\$schema=(\S+)/m.exec(documentText.slice(0, 4096));
  return m !== null && (m[1] === schemaId || SCHEMA_FILE.test(m[1]));
}

/**
 * The schema features we provide for a document, given the installed extensions, the `yaml.schemas` setting and the
 * document's text.
 */
export function schemaFeaturesFor(input: {
  installedExtensions: readonly string[];
  yamlSchemas: unknown;
  documentText: string;
  schemaId: string;
}): SchemaFeatures {
  const redHat = input.installedExtensions.some((id) => id.toLowerCase() === RED_HAT_YAML);
  if (!redHat) return ALL_OURS;
  const associated =
    yamlSchemasNameOurs(input.yamlSchemas, input.schemaId) || modelineNamesOurs(input.documentText, input.schemaId);
  return associated ? BESIDE_RED_HAT : ALL_OURS;
}
