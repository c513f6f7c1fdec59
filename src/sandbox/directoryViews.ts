// Directory objects as Graph returns them (the default property set of GET without $select).
import type { SbGroup, SbServicePrincipal, SbState, SbUser } from './types';
import { hidden } from './hiddenProps';
import { UNMODELLED_GROUP_PROPS, UNMODELLED_USER_PROPS } from './directoryProps';
import { userByUpn } from './pimIndex';

export function userView(u: SbUser): Record<string, unknown> {
  return {
    businessPhones: u.businessPhones,
    displayName: u.displayName,
    givenName: u.givenName,
    jobTitle: u.jobTitle,
    mail: u.mail,
    mobilePhone: u.mobilePhone,
    officeLocation: u.officeLocation,
    preferredLanguage: u.preferredLanguage,
    surname: u.surname,
    userPrincipalName: u.userPrincipalName,
    id: u.id,
    // Not in the default set on the wire, but selectable and filterable:
    ...hidden({
      ...UNMODELLED_USER_PROPS,
      accountEnabled: u.accountEnabled,
      userType: u.userType,
      department: u.department,
    }),
  };
}

export function groupView(g: SbGroup, tenantId: string | null = null): Record<string, unknown> {
  return {
    id: g.id,
    deletedDateTime: null,
    classification: null,
    createdByAppId: g.createdByAppId ?? null,
    organizationId: tenantId,
    createdDateTime: g.createdDateTime,
    creationOptions: [],
    description: g.description,
    displayName: g.displayName,
    expirationDateTime: null,
    groupTypes: g.groupTypes,
    infoCatalogs: [],
    isAssignableToRole: g.isAssignableToRole,
    isManagementRestricted: null,
    mail: g.mail,
    mailEnabled: g.mailEnabled,
    mailNickname: g.mailNickname,
    membershipRule: g.membershipRule,
    membershipRuleProcessingState: g.membershipRuleProcessingState,
    onPremisesDomainName: null,
    onPremisesLastSyncDateTime: g.onPremisesSyncEnabled ? g.createdDateTime : null,
    onPremisesNetBiosName: null,
    onPremisesSamAccountName: null,
    onPremisesSecurityIdentifier: g.onPremisesSyncEnabled ? g.securityIdentifier : null,
    onPremisesSyncEnabled: g.onPremisesSyncEnabled,
    preferredDataLocation: null,
    preferredLanguage: null,
    proxyAddresses: g.mail ? [`SMTP:${g.mail}`] : [],
    renewedDateTime: g.renewedDateTime,
    resourceBehaviorOptions: [],
    resourceProvisioningOptions: g.team ? ['Team'] : [],
    securityEnabled: g.securityEnabled,
    securityIdentifier: g.securityIdentifier,
    theme: null,
    visibility: g.visibility,
    writebackConfiguration: { isEnabled: null, onPremisesGroupType: null },
    onPremisesProvisioningErrors: [],
    serviceProvisioningErrors: [],
    // GUESS: uniqueName is returned on $select only (the documentation examples of the default set do not show it).
    ...hidden({ ...UNMODELLED_GROUP_PROPS, assignedLicenses: g.assignedLicenses, uniqueName: g.uniqueName ?? null }),
  };
}

export function servicePrincipalView(s: SbServicePrincipal): Record<string, unknown> {
  return {
    id: s.id,
    deletedDateTime: null,
    accountEnabled: s.accountEnabled,
    appDisplayName: s.displayName,
    appId: s.appId,
    displayName: s.displayName,
    servicePrincipalNames: [s.appId],
    servicePrincipalType: s.servicePrincipalType,
    tags: [],
  };
}

/** Any directory object by id, with its @odata.type (members, owners, getByIds). */
export function directoryObjectView(state: SbState, id: string): Record<string, unknown> | undefined {
  const u = state.users[id];
  if (u) return { '@odata.type': '#microsoft.graph.user', ...userView(u) };
  const g = state.groups[id];
  if (g) return { '@odata.type': '#microsoft.graph.group', ...groupView(g, state.tenant.id) };
  const s = state.servicePrincipals[id];
  if (s) return { '@odata.type': '#microsoft.graph.servicePrincipal', ...servicePrincipalView(s) };
  return undefined;
}

export function findUser(state: SbState, idOrUpn: string): SbUser | undefined {
  const key = idOrUpn.replace(/^\('(.*)'\)$/, '$1');
  const lower = key.toLowerCase();
  return state.users[lower] ?? userByUpn(state, lower);
}
