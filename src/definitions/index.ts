// The definition language: *.pim.yaml text → typed model with source ranges, schema and semantic findings.
// Other modules (editor, CLI, planner) use only what this file exports.
export * from './model';
export { loadWorkspace, parseFile, ParseCache, LoadOptions, withSettingsFrom } from './workspace';
export { effectivePolicy, mergePolicy } from './templates';
export { formatDefinitions } from './formatDefinitions';
export { RULES, RuleInfo, ruleInfo } from './ruleCatalog';
export { PIM_GROUPS_SCHEMA, SCHEMA_ID } from './schema';
export { parsePrincipal, principalKey, PrincipalKind, PRINCIPAL_PREFIXES } from './principalReference';
export { closestName } from './closestName';
export { API_VERSION } from './parseDocuments';
