// The planner's public surface.
export * from './model';
export { buildPlan, readScopeOf, PlanOptions, PlanResult, RecordContext } from './planner';
export { fingerprintOf } from './fingerprint';
export { renderText } from './render/text';
export { detailLines } from './render/values';
export { grantsLines } from '../bindings/renderBindings';
export { renderMarkdown } from './render/markdown';
export { renderJson, parsePlanJson } from './render/json';
export { AppliedRecord, APPLIED_RECORD_FILE, APPLIED_RECORD_DIR } from './appliedRecord';
export { editTimeChecks, CheckFacts, KnownPrincipal, ManagedGroupFacts } from './editTimeChecks';
