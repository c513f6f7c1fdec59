// The JSON Schema of *.pim.yaml and its validators (generated ahead of time; see schemaValidators()).
import type { ErrorObject, ValidateFunction } from 'ajv';
import schemaJson from '../../schemas/pim-groups.schema.json';

/** The schema object the extension contributes to YAML tooling; hovers and completion can read descriptions from it. */
export const PIM_GROUPS_SCHEMA: Readonly<Record<string, unknown>> = schemaJson;
export const SCHEMA_ID: string = schemaJson.$id;

export interface SchemaValidators {
  PimGroup: ValidateFunction;
  PolicyTemplate: ValidateFunction;
  Settings: ValidateFunction;
}

let compiled: SchemaValidators | undefined;

/**
 * The validators, generated ahead of time from the schema by scripts/generate-schema-validator.cjs (ajv's
 * standalone code: no schema compilation at run time and no ajv in the bundles). Loaded on first use.
 */
export function schemaValidators(): SchemaValidators {
  if (compiled) return compiled;
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const generated = require('./generated/schemaValidators') as SchemaValidators;
  compiled = { PimGroup: generated.PimGroup, PolicyTemplate: generated.PolicyTemplate, Settings: generated.Settings };
  return compiled;
}

export type SchemaError = ErrorObject;

/** The schema's description of the property at a path of definitions (for hovers); undefined when unknown. */
export function schemaDefinition(name: string): Record<string, unknown> | undefined {
  return (schemaJson.definitions as Record<string, Record<string, unknown>>)[name];
}
