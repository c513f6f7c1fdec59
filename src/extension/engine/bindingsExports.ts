// Azure Resource Manager access for Azure role bindings, through the lazily loaded engine chunk (the registry of
// ARM transports must be the engine's own module instance, which the planner and apply read).
export { connectionTransport, ARM_GLOBAL, subscriptionOf } from '../../bindings/armAccess';
// The catalogue of names bindings can use, and the Azure scopes ARM shows (tenant-aware completion and checks).
export { readBindingCatalog } from '../../bindings/catalog';
export { listAzureScopes } from '../../bindings/azureScopes';
export type { AzureScopeOption } from '../../bindings/azureScopes';
