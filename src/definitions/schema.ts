// The JSON Schema of *.pim.yaml, compiled once on first use (ajv compilation is the costly part).
import Ajv, { ErrorObject, ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import schemaJson from '../../schemas/pim-groups.schema.json';

/** The schema object the extension contributes to YAML tooling; hovers and completion can read descriptions from it. */
export const PIM_GROUPS_SCHEMA: Readonly<Record<string, unknown>> = schemaJson;
export const SCHEMA_ID: string = schemaJson.$id;

export interface SchemaValidators {
  PimGroup: ValidateFunction;
  PolicyTemplate: ValidateFunction;
}

let compiled: SchemaValidators | undefined;

export function schemaValidators(): SchemaValidators {
  if (compiled) return compiled;
  // verbose: errors carry their parentSchema, which names the valid properties for "did you mean".
  const ajv = new Ajv({ allErrors: true, verbose: true, strict: true, allowUnionTypes: true });
  addFormats(ajv, ['email']);
  // Annotations for editors (Red Hat YAML reads both); ajv only needs to know they are not typos.
  ajv.addKeyword({ keyword: 'markdownDescription', schemaType: 'string' });
  ajv.addKeyword({ keyword: 'patternErrorMessage', schemaType: 'string' });
  ajv.addSchema(schemaJson);
  const get = (name: string): ValidateFunction => {
    const v = ajv.getSchema(`${SCHEMA_ID}#/definitions/${name}`);
    if (!v) throw new Error(`schema definition ${name} is missing`);
    return v;
  };
  compiled = { PimGroup: get('PimGroup'), PolicyTemplate: get('PolicyTemplate') };
  return compiled;
}

export type SchemaError = ErrorObject;

/** The schema's description of the property at a path of definitions (for hovers); undefined when unknown. */
export function schemaDefinition(name: string): Record<string, unknown> | undefined {
  return (schemaJson.definitions as Record<string, Record<string, unknown>>)[name];
}
