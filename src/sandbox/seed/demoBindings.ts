// The demo tenant's data for the issue-5 bindings: Conditional Access, licences, Intune RBAC, Azure, auth contexts.
import { guidFrom } from '../ids';
import { groupId, userId } from './build';
import type { SbState } from '../types';

export const SUBSCRIPTION_ID = '8f2c1b9e-3a4d-4e5f-9a6b-7c8d9e0f1a2b';

export const AZURE_ROLES: Record<string, { id: string; description: string }> = {
  Owner: {
    id: '8e3af657-a8ff-443c-a75c-2fe8c4bcb635',
    description: 'Grants full access to manage all resources, including the ability to assign roles in Azure RBAC.',
  },
  Contributor: {
    id: 'b24988ac-6180-42a0-ab88-20f7382dd24c',
    description: 'Grants full access to manage all resources, but does not allow you to assign roles in Azure RBAC.',
  },
  Reader: {
    id: 'acdd72a7-3385-48ef-bd42-f606fba81ae7',
    description: 'View all resources, but does not allow you to make any changes.',
  },
  'User Access Administrator': {
    id: '18d7d88d-d35e-4fb5-a5c3-7773c20a72d9',
    description: 'Lets you manage user access to Azure resources.',
  },
  'Storage Blob Data Reader': {
    id: '2a2b9908-6ea1-4ae2-8e65-a410df84e7d1',
    description: 'Read and list Azure Storage containers and blobs.',
  },
};

export const SKUS = {
  FLOW_FREE: {
    skuId: 'f30db892-07e9-47e9-837c-80727f46fd3d',
    units: 10000,
    consumed: 12,
    plans: [['50e68c76-46c6-4674-81f9-75456511b170', 'FLOW_P2_VIRAL']],
  },
  ENTERPRISEPACK: {
    skuId: '6fd2c87f-b296-42f0-b197-1e91e994b900',
    units: 50,
    consumed: 48,
    plans: [
      ['efb87545-963c-4e0d-99df-69c6916d9eb0', 'EXCHANGE_S_ENTERPRISE'],
      ['5dbe027f-2339-4123-9542-606e4d348a72', 'SHAREPOINTENTERPRISE'],
      ['57ff2da0-773e-42df-b2af-ffb7a2317929', 'TEAMS1'],
      ['76846ad7-7776-4c40-a281-a386362dd1b9', 'FLOW_O365_P2'],
    ],
  },
  AAD_PREMIUM_P2: {
    skuId: 'eec0eb4f-6444-4f95-aba0-50c24d67f998',
    units: 50,
    consumed: 11,
    plans: [
      ['41781fb2-bc02-4b7c-bd55-b576c07bb09d', 'AAD_PREMIUM'],
      ['eec0eb4f-6444-4f95-aba0-50c24d67f998', 'AAD_PREMIUM_P2'],
    ],
  },
} as const;

export function seedDemoBindings(s: SbState): void {
  s.authenticationContexts.c1 = { id: 'c1', displayName: 'Require compliant device', isAvailable: true };
  s.authenticationContexts.c2 = { id: 'c2', displayName: 'Require phishing-resistant MFA', isAvailable: true };
  // An administrative unit, a scope directory role assignments can name.
  const au = guidFrom('demo:administrativeUnit:Sydney Office');
  s.administrativeUnits = { [au]: { id: au, displayName: 'Sydney Office' } };
  s.directoryRoleAssignments = {};

  const ca = (name: string, body: Record<string, unknown>) => {
    const id = guidFrom(`demo:ca:${name}`);
    s.conditionalAccessPolicies[id] = {
      id,
      templateId: null,
      displayName: name,
      createdDateTime: '2026-01-12T09:30:00Z',
      modifiedDateTime: null,
      ...body,
    };
  };
  const users = (include: string[], includeGroups: string[], excludeGroups: string[]) => ({
    includeUsers: include,
    excludeUsers: [],
    includeGroups,
    excludeGroups,
    includeRoles: [],
    excludeRoles: [],
    includeGuestsOrExternalUsers: null,
    excludeGuestsOrExternalUsers: null,
  });
  ca('Block sign-ins from outside Australia', {
    state: 'enabled',
    conditions: {
      userRiskLevels: [],
      signInRiskLevels: [],
      clientAppTypes: ['all'],
      platforms: null,
      devices: null,
      applications: { includeApplications: ['All'], excludeApplications: [], includeUserActions: [] },
      users: users(['All'], [], [groupId('demo', 'Emergency Access')]),
      locations: { includeLocations: ['All'], excludeLocations: [guidFrom('demo:namedLocation:Australia')] },
    },
    grantControls: { operator: 'OR', builtInControls: ['block'], customAuthenticationFactors: [], termsOfUse: [] },
    sessionControls: null,
  });
  ca('Travellers - stricter sign-in', {
    state: 'enabledForReportingButNotEnforced',
    conditions: {
      userRiskLevels: [],
      signInRiskLevels: ['medium', 'high'],
      clientAppTypes: ['all'],
      platforms: null,
      devices: null,
      applications: { includeApplications: ['All'], excludeApplications: [], includeUserActions: [] },
      users: users(['None'], [], []),
      locations: null,
    },
    grantControls: {
      operator: 'AND',
      builtInControls: ['mfa', 'compliantDevice'],
      customAuthenticationFactors: [],
      termsOfUse: [],
    },
    sessionControls: null,
  });

  for (const [part, sku] of Object.entries(SKUS)) {
    s.subscribedSkus[sku.skuId] = {
      id: `${s.tenant.id}_${sku.skuId}`,
      skuId: sku.skuId,
      skuPartNumber: part,
      appliesTo: 'User',
      capabilityStatus: 'Enabled',
      consumedUnits: sku.consumed,
      prepaidUnits: { enabled: sku.units, lockedOut: 0, suspended: 0, warning: 0 },
      servicePlans: sku.plans.map(([id, name]) => ({
        servicePlanId: id,
        servicePlanName: name,
        provisioningStatus: 'Success',
        appliesTo: 'User',
      })),
      subscriptionIds: [guidFrom(`demo:commerceSubscription:${part}`)],
    };
  }

  for (const [name, description] of [
    [
      'Help Desk Operator',
      'Help Desk Operators perform remote tasks on users and devices, and can assign applications or policies to users or devices.',
    ],
    [
      'Read Only Operator',
      'Read Only Operators view user, device, enrollment, configuration, and application information and cannot make changes to Intune.',
    ],
    [
      'Policy and Profile manager',
      'Policy and Profile Manager manages compliance policy, configuration profiles, Apple enrollment, corporate device identifiers, and security baselines.',
    ],
    ['School Administrator', 'School Administrators manage Windows 10 devices in Intune for Education.'],
  ]) {
    const id = guidFrom(`demo:intuneRole:${name}`);
    s.intune.roleDefinitions[id] = {
      '@odata.type': '#microsoft.graph.deviceAndAppManagementRoleDefinition',
      id,
      displayName: name,
      description,
      isBuiltIn: true,
      roleScopeTagIds: ['0'],
      rolePermissions: [
        {
          resourceActions: [
            {
              allowedResourceActions: [`Microsoft.Intune_${name.replace(/\W+/g, '')}_Read`],
              notAllowedResourceActions: [],
            },
          ],
        },
      ],
    };
  }
  s.intune.scopeTags['0'] = { id: '0', displayName: 'Default', description: 'Default scope tag' };
  s.intune.scopeTags['1'] = { id: '1', displayName: 'Helpdesk-EU', description: 'European helpdesk devices' };

  s.azure.subscriptions[SUBSCRIPTION_ID] = {
    subscriptionId: SUBSCRIPTION_ID,
    displayName: 'Contoso Production',
    resourceGroups: ['rg-payments', 'rg-contractor-sandbox'],
    resources: [
      `/subscriptions/${SUBSCRIPTION_ID}/resourceGroups/rg-payments/providers/Microsoft.Storage/storageAccounts/stpayments`,
    ],
  };
  for (const [roleName, r] of Object.entries(AZURE_ROLES)) {
    s.azure.roleDefinitions[r.id] = { id: r.id, roleName, description: r.description, type: 'BuiltInRole' };
  }
  // The administrator owns the subscription (so it can grant access), as the tenant's first Azure admin would.
  const scope = `/subscriptions/${SUBSCRIPTION_ID}`;
  const name = guidFrom('demo:azureAssignment:admin-owner');
  const id = `${scope}/providers/Microsoft.Authorization/roleAssignments/${name}`;
  s.azure.roleAssignments[id.toLowerCase()] = {
    id,
    scope,
    name,
    roleDefinitionId: AZURE_ROLES.Owner.id,
    principalId: userId('demo', 'admin@contoso.com'),
    principalType: 'User',
    description: 'Subscription owner',
    createdOn: '2025-06-01T09:00:00.0000000Z',
  };
}
