// Tenant readiness: licences, permissions, directory roles, binding reachability and the definitions' groups.
export * from './model';
export { runReadiness, ReadinessOptions } from './runReadiness';
export {
  PERMISSION_NEEDS,
  PERMISSION_COMMANDS,
  PermissionCommand,
  PermissionNeed,
  needsOf,
  needNamedBy,
} from './permissions';
export { renderReadinessText } from './renderText';
export { editorSignInScopes } from './signInScopes';
