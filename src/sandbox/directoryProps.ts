// Every property of the v1.0 user and group resources (DOC: resources/user.md, resources/group.md): `$select` accepts
// any of them, and only them. The sandbox models a few; the others are answered as the service answers an unset
// property (null, or an empty collection), and only on `$select` (several are returned only on `$select` anyway).
const USER_NULL = [
  'aboutMe',
  'ageGroup',
  'authorizationInfo',
  'birthday',
  'city',
  'companyName',
  'consentProvidedForMinor',
  'country',
  'createdDateTime',
  'creationType',
  'customSecurityAttributes',
  'deletedDateTime',
  'employeeHireDate',
  'employeeId',
  'employeeLeaveDateTime',
  'employeeOrgData',
  'employeeType',
  'externalUserState',
  'externalUserStateChangeDateTime',
  'faxNumber',
  'hireDate',
  'isManagementRestricted',
  'isResourceAccount',
  'lastPasswordChangeDateTime',
  'legalAgeGroupClassification',
  'mailboxSettings',
  'mailNickname',
  'mySite',
  'onPremisesDistinguishedName',
  'onPremisesDomainName',
  'onPremisesExtensionAttributes',
  'onPremisesImmutableId',
  'onPremisesLastSyncDateTime',
  'onPremisesSamAccountName',
  'onPremisesSecurityIdentifier',
  'onPremisesSyncEnabled',
  'onPremisesUserPrincipalName',
  'passwordPolicies',
  'passwordProfile',
  'postalCode',
  'preferredDataLocation',
  'preferredName',
  'securityIdentifier',
  'showInAddressList',
  'signInActivity',
  'signInSessionsValidFromDateTime',
  'state',
  'streetAddress',
  'usageLocation',
];
const USER_LISTS = [
  'assignedLicenses',
  'assignedPlans',
  'identities',
  'imAddresses',
  'interests',
  'licenseAssignmentStates',
  'onPremisesProvisioningErrors',
  'otherMails',
  'pastProjects',
  'provisionedPlans',
  'proxyAddresses',
  'responsibilities',
  'schools',
  'serviceProvisioningErrors',
  'skills',
];
const GROUP_NULL = [
  'allowExternalSenders',
  'autoSubscribeNewMembers',
  'hideFromAddressLists',
  'hideFromOutlookClients',
  'isArchived',
  'isSubscribedByMail',
  'licenseProcessingState',
  'unseenCount',
];
const GROUP_LISTS = ['assignedLabels'];

const unset = (nulls: string[], lists: string[]) => ({
  ...Object.fromEntries(nulls.map((p) => [p, null])),
  ...Object.fromEntries(lists.map((p) => [p, []])),
});

/** The documented user properties the sandbox does not model, as unset values (selectable only). */
export const UNMODELLED_USER_PROPS: Readonly<Record<string, unknown>> = unset(USER_NULL, USER_LISTS);
/** The documented group properties the sandbox does not model, as unset values (selectable only). */
export const UNMODELLED_GROUP_PROPS: Readonly<Record<string, unknown>> = unset(GROUP_NULL, GROUP_LISTS);
