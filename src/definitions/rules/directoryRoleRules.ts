// Directory-role bindings: only a role-assignable group can hold a Microsoft Entra role (the service refuses any
// other with "Groups without IsAssignableToRole property set cannot be assigned to roles."), and a group that
// reaches a privileged role should not be activated without approval and MFA (Microsoft's guidance for
// role-assignable groups in PIM).
import { knownPrivilegedRole } from '../directoryRoles';
import { finding } from '../finding';
import type { Finding, PimGroupDefinition, RolePolicy } from '../model';
import type { YamlSource } from '../yamlSource';

export function roleAssignableRules(def: PimGroupDefinition, source: YamlSource): Finding[] {
  const roles = def.bindings?.directoryRoles;
  if (!roles?.length || def.group.roleAssignable === true) return [];
  return [
    finding(
      'PIM063',
      source.file,
      source.rangeOf(['bindings', 'directoryRoles'], 'key'),
      `Only a role-assignable group can hold a Microsoft Entra role, and '${def.group.displayName}' is not one: set group.roleAssignable: true on a group this definition creates (an existing group can never become role-assignable; use a new group).`,
    ),
  ];
}

/** The warning on the member activation of a group that holds a privileged role; `member` is the merged policy. */
export function privilegedRoleRules(
  def: PimGroupDefinition,
  source: YamlSource,
  member: RolePolicy | undefined,
): Finding[] {
  const privileged = (def.bindings?.directoryRoles ?? []).map((b) => knownPrivilegedRole(b.role)).filter(Boolean);
  if (!privileged.length) return [];
  const a = member?.activation;
  const missing = [
    ...(a?.approval?.approvers?.length ? [] : ['approval']),
    ...(a?.requireMfa === true || typeof a?.authenticationContext === 'string' ? [] : ['MFA']),
  ];
  if (!missing.length) return [];
  const path = def.policies.member?.activation ? ['policies', 'member', 'activation'] : ['bindings', 'directoryRoles'];
  return [
    finding(
      'PIM073',
      source.file,
      source.rangeOf(path, 'key'),
      `Activating membership grants the privileged role${privileged.length > 1 ? 's' : ''} ${privileged.join(', ')}, but activation requires no ${missing.join(' and no ')}; set policies.member.activation.requireMfa: true and an approval with approvers.`,
    ),
  ];
}
