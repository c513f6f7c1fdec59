// "What does membership grant": the blast radius of a PimGroup, from its definition alone (no tenant), for the
// hovers on `group.displayName` and on each binding. The plan shows the same with resolved ids (src/bindings).
// Pure: no `vscode`.
import type {
  AzureRoleBinding,
  DirectoryRoleBinding,
  IntuneRoleBinding,
  LicenseBinding,
  PimGroupDefinition,
  PathSegment,
  Position,
  Range,
} from '../../definitions/model';
import { forMarkdown, markdownCode } from '../../text/escape';
import { knownPrivilegedRole } from '../../definitions/directoryRoles';

/** Azure roles that let a member change access itself: worth a warning at subscription scope. */
const PRIVILEGED_AZURE_ROLES = new Set([
  'owner',
  'user access administrator',
  'role based access control administrator',
]);
/** Names in these hovers come from the file (and, exported, from the tenant): no link, image or HTML out of them. */
const md = forMarkdown;
const SUBSCRIPTION_SCOPE = /^\/subscriptions\/[^/]+\/?$/i;

export function directoryRoleGrant(b: DirectoryRoleBinding): string {
  const scope = !b.scope || b.scope === '/' ? 'the whole directory' : markdownCode(b.scope);
  const privileged = knownPrivilegedRole(b.role) ? ' — ⚠ privileged: Microsoft marks this role privileged' : '';
  return `Microsoft Entra role **${md(b.role)}** on ${scope}${privileged}`;
}

export function intuneGrant(b: IntuneRoleBinding): string {
  return `Intune role **${md(b.role)}**${b.scopeTags?.length ? ` (scope tags ${b.scopeTags.map(md).join(', ')})` : ''}`;
}

export function azureGrant(b: AzureRoleBinding): string {
  const privileged = PRIVILEGED_AZURE_ROLES.has(b.role.toLowerCase()) && SUBSCRIPTION_SCOPE.test(b.scope);
  return `Azure role **${md(b.role)}** on ${markdownCode(b.scope)}${privileged ? ' — ⚠ can grant access to others across the subscription' : ''}`;
}

export function licenseGrant(b: LicenseBinding): string {
  return `licence **${md(b.sku)}**${b.disabledPlans?.length ? ` without ${b.disabledPlans.map(md).join(', ')}` : ''} (group-based licensing; assigned asynchronously after activation)`;
}

export function excludeGrant(policy: string): string {
  return `exclusion from Conditional Access **${md(policy)}** — ⚠ members escape that policy while active`;
}

export function includeGrant(policy: string): string {
  return `inclusion in Conditional Access **${md(policy)}**`;
}

export const TEAM_GRANT = "membership of the group's **Team** and its SharePoint site";

/** Every grant of the group, one line each. */
export function membershipGrants(g: PimGroupDefinition): string[] {
  const b = g.bindings ?? {};
  return [
    ...(b.directoryRoles ?? []).map(directoryRoleGrant),
    ...(b.intuneRoles ?? []).map(intuneGrant),
    ...(b.azureRoles ?? []).map(azureGrant),
    ...(b.licenses ?? []).map(licenseGrant),
    ...(b.conditionalAccess?.excludeFrom ?? []).map(excludeGrant),
    ...(b.conditionalAccess?.includeIn ?? []).map(includeGrant),
    ...(b.team ? [TEAM_GRANT] : []),
  ];
}

/** The hover for the group's display name: what membership grants, and who can hold it. */
export function blastRadiusMarkdown(g: PimGroupDefinition): string {
  const grants = membershipGrants(g);
  const who = (kind: 'eligible' | 'active') => g.assignments[kind].length;
  const lines = [`**${md(g.group.displayName)}**: membership grants`, ''];
  lines.push(
    ...(grants.length ? grants.map((x) => `- ${x}`) : ['- nothing outside the group itself (no bindings declared)']),
  );
  lines.push(
    '',
    `${who('eligible')} eligible and ${who('active')} active assignment(s) declared; mode ${g.assignments.mode}.`,
  );
  return lines.join('\n');
}

const contains = (r: Range, p: Position) =>
  (p.line > r.start.line || (p.line === r.start.line && p.character >= r.start.character)) &&
  (p.line < r.end.line || (p.line === r.end.line && p.character <= r.end.character));

/** The hover text at a position of a group's document, or undefined when the position is on nothing we explain. */
export function grantHoverAt(g: PimGroupDefinition, p: Position): string | undefined {
  const on = (path: PathSegment[]) =>
    contains(g.source.rangeOf(path, 'key'), p) || contains(g.source.rangeOf(path, 'value'), p);
  if (!contains(g.source.range, p)) return undefined;
  if (on(['group', 'displayName'])) return blastRadiusMarkdown(g);
  const b = g.bindings;
  if (!b) return undefined;
  const item = <T>(list: T[] | undefined, key: string, text: (x: T) => string) => {
    const i = (list ?? []).findIndex((_, n) => on(['bindings', key, n]));
    return i >= 0 ? `Membership grants ${text(list![i])}.` : undefined;
  };
  return (
    item(b.directoryRoles, 'directoryRoles', directoryRoleGrant) ??
    item(b.intuneRoles, 'intuneRoles', intuneGrant) ??
    item(b.azureRoles, 'azureRoles', azureGrant) ??
    item(b.licenses, 'licenses', licenseGrant) ??
    caHover(g, on) ??
    (b.team && on(['bindings', 'team']) ? `Membership grants ${TEAM_GRANT}.` : undefined)
  );
}

function caHover(g: PimGroupDefinition, on: (path: PathSegment[]) => boolean): string | undefined {
  const ca = g.bindings?.conditionalAccess;
  const ex = (ca?.excludeFrom ?? []).findIndex((_, n) => on(['bindings', 'conditionalAccess', 'excludeFrom', n]));
  if (ex >= 0) return `Membership grants ${excludeGrant(ca!.excludeFrom![ex])}.`;
  const inc = (ca?.includeIn ?? []).findIndex((_, n) => on(['bindings', 'conditionalAccess', 'includeIn', n]));
  if (inc >= 0) return `Membership grants ${includeGrant(ca!.includeIn![inc])}.`;
  return undefined;
}
