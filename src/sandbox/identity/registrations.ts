// The app registrations the identity endpoint knows: who may get tokens, with which credentials, and which
// permissions their tokens carry. The seeded ones are documented in docs/sandbox.md ("Identity endpoint"); tests
// add certificates and federated credentials the way an administrator would (Graph's keyCredentials and
// federatedIdentityCredentials of an application), through the library or the control endpoints.
import { thumbprints } from './certificates';
import { X509Certificate } from 'node:crypto';

export interface ClientSecret {
  hint: string;
  value: string;
  endDateTime: string;
}
export interface ClientCertificate {
  thumbprintSha1: string;
  thumbprintSha256: string;
  certPem: string;
  startDateTime: string;
  endDateTime: string;
}
export interface FederatedCredential {
  name: string;
  issuer: string;
  subject: string;
  audiences: string[];
}

export interface AppRegistration {
  appId: string;
  displayName: string;
  /** Object id of the app's service principal in the tenant (the `oid` of its app-only tokens). */
  servicePrincipalId: string;
  /** Application permissions with admin consent: the `roles` claim of app-only tokens. */
  applicationPermissions: string[];
  /** Delegated permissions consented for the tenant: the `scp` claim of user tokens. */
  delegatedPermissions: string[];
  /** "Allow public client flows": needed for the device code flow. */
  isPublicClient: boolean;
  secrets: ClientSecret[];
  certificates: ClientCertificate[];
  federatedCredentials: FederatedCredential[];
}

const PIM_WRITE = [
  'PrivilegedEligibilitySchedule.ReadWrite.AzureADGroup',
  'PrivilegedAssignmentSchedule.ReadWrite.AzureADGroup',
  'RoleManagementPolicy.ReadWrite.AzureADGroup',
];
const PIM_READ = [
  'PrivilegedEligibilitySchedule.Read.AzureADGroup',
  'PrivilegedAssignmentSchedule.Read.AzureADGroup',
  'RoleManagementPolicy.Read.AzureADGroup',
];
// The minimal sets of docs/permissions.md (the sandbox enforces each endpoint's permission, src/sandbox/permissions.ts):
// reading the tenant for a plan (onboarded groups, directory objects by id, the bindings' workloads) ...
const PLAN_READ = [
  'PrivilegedAccess.Read.AzureADGroup',
  'Directory.Read.All',
  'Policy.Read.All',
  'DeviceManagementRBAC.Read.All',
];
// ... and writing what a plan changes (groups by upsert, CA, Intune, licences).
const APPLY_WRITE = [
  'Group.ReadWrite.All',
  'Policy.ReadWrite.ConditionalAccess',
  'DeviceManagementRBAC.ReadWrite.All',
  'LicenseAssignment.ReadWrite.All',
  // role-assignable groups and Microsoft Entra role bindings (the tier-0 example)
  'RoleManagement.ReadWrite.Directory',
];

/** Secrets of the seeded apps. Sandbox-only values, published on purpose: they open nothing but a local sandbox. */
export const SANDBOX_SECRETS = {
  pipeline: 'Xq8Q~sandbox.pipeline.secret.not-a-real-secret.01',
  planner: 'Yr8Q~sandbox.planner.secret.not-a-real-secret.02',
} as const;

const FAR_FUTURE = '2099-12-31T00:00:00Z';

export function seededRegistrations(): AppRegistration[] {
  return [
    {
      // Applies definitions from a pipeline (its service principal is in the demo seed).
      appId: '0d6a4f3e-1b2c-4d5e-8f90-a1b2c3d4e5f6',
      displayName: 'pim-groups-pipeline',
      servicePrincipalId: '5b1f7c2e-9d3a-4f6b-8c1d-2e3f4a5b6c7d',
      applicationPermissions: [
        ...PIM_WRITE,
        ...PLAN_READ,
        ...APPLY_WRITE,
        'Group.Create',
        'User.Read.All',
        'Application.Read.All',
      ],
      delegatedPermissions: [],
      isPublicClient: false,
      secrets: [{ hint: 'Xq8', value: SANDBOX_SECRETS.pipeline, endDateTime: FAR_FUTURE }],
      certificates: [],
      federatedCredentials: [
        {
          name: 'github-production',
          issuer: 'https://token.actions.githubusercontent.com',
          subject: 'repo:contoso/pim-definitions:environment:production',
          audiences: ['api://AzureADTokenExchange'],
        },
        {
          name: 'azure-pipelines-production',
          issuer: 'https://vstoken.dev.azure.com/6f2c1e0a-3b4d-4e5f-9a8b-7c6d5e4f3a2b',
          subject: 'sc://contoso/pim/pim-groups-production',
          audiences: ['api://AzureADTokenExchange'],
        },
      ],
    },
    {
      // Plans only (read permissions) from pull requests.
      appId: '2e7b5a4f-3c1d-4e6f-9a0b-c1d2e3f4a5b6',
      displayName: 'pim-groups-planner',
      servicePrincipalId: '6c2a8d3f-0e4b-4a7c-9d2e-3f4a5b6c7d8e',
      applicationPermissions: [...PIM_READ, ...PLAN_READ, 'Group.Read.All', 'User.Read.All', 'Application.Read.All'],
      delegatedPermissions: [],
      isPublicClient: false,
      secrets: [{ hint: 'Yr8', value: SANDBOX_SECRETS.planner, endDateTime: FAR_FUTURE }],
      certificates: [],
      federatedCredentials: [
        {
          name: 'github-pull-requests',
          issuer: 'https://token.actions.githubusercontent.com',
          subject: 'repo:contoso/pim-definitions:pull_request',
          audiences: ['api://AzureADTokenExchange'],
        },
        {
          name: 'github-main',
          issuer: 'https://token.actions.githubusercontent.com',
          subject: 'repo:contoso/pim-definitions:ref:refs/heads/main',
          audiences: ['api://AzureADTokenExchange'],
        },
      ],
    },
    {
      // Signs in people from a terminal (device code flow) with delegated permissions.
      appId: '9a3c5e7f-1b2d-4c6e-8f0a-b2c4d6e8f0a1',
      displayName: 'pim-groups-cli',
      servicePrincipalId: '7d3b9e4a-1f5c-4b8d-ae3f-4a5b6c7d8e9f',
      applicationPermissions: [],
      isPublicClient: true,
      secrets: [],
      certificates: [],
      federatedCredentials: [],
      delegatedPermissions: [...PIM_WRITE, ...PLAN_READ, ...APPLY_WRITE, 'User.Read.All', 'User.Read'],
    },
  ];
}

/** A certificate's public part as Entra keeps it: thumbprints and the validity the certificate itself states. */
export function certificateCredential(certPem: string): ClientCertificate {
  const x = new X509Certificate(certPem);
  return {
    ...thumbprints(certPem),
    certPem: x.toString(),
    startDateTime: new Date(x.validFrom).toISOString(),
    endDateTime: new Date(x.validTo).toISOString(),
  };
}
