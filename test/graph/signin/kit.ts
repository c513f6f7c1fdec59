// A sandbox with its identity endpoint, and the CLI run as a child process (the bundle, dist/cli.js) so that
// NODE_EXTRA_CA_CERTS, which Node reads at process start, makes the real @azure/identity / MSAL code trust the
// sandbox's certificate. Nothing here stands in for the library: it signs in over HTTPS as it would against Entra.
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { startSandbox, Sandbox } from '../../../src/sandbox';
import { SANDBOX_SECRETS } from '../../../src/sandbox/identity';

export const ROOT = path.resolve(__dirname, '../../../..');
export const CLI = path.join(ROOT, 'dist', 'cli.js');
export const TENANT = '4c1e9a2d-5b6f-4a3c-8d7e-9f0a1b2c3d4e';
export const APPS = {
  pipeline: {
    appId: '0d6a4f3e-1b2c-4d5e-8f90-a1b2c3d4e5f6',
    secret: SANDBOX_SECRETS.pipeline,
    spId: '5b1f7c2e-9d3a-4f6b-8c1d-2e3f4a5b6c7d',
  },
  planner: { appId: '2e7b5a4f-3c1d-4e6f-9a0b-c1d2e3f4a5b6', secret: SANDBOX_SECRETS.planner },
  cli: { appId: '9a3c5e7f-1b2d-4c6e-8f0a-b2c4d6e8f0a1' },
};

export interface SignInSandbox {
  sb: Sandbox;
  dir: string;
  caFile: string;
  close(): Promise<void>;
}

/** The demo tenant with its identity endpoint; the pipeline app may also manage Azure role assignments. */
export async function signInSandbox(opts: { requireSignedTokens?: boolean } = {}): Promise<SignInSandbox> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pim-groups-signin-'));
  const caFile = path.join(dir, 'sandbox-ca.pem');
  const sb = await startSandbox({ seed: 'demo', identity: { caFile }, requireSignedTokens: opts.requireSignedTokens });
  grantAzureAccess(sb, APPS.pipeline.spId);
  fs.cpSync(path.join(ROOT, 'examples'), path.join(dir, 'examples'), { recursive: true });
  // A new Team needs an owner, which an app signed in as itself cannot become (the engine says so): not for pipelines.
  fs.rmSync(path.join(dir, 'examples', 'project-falcon-team.pim.yaml'));
  return {
    sb,
    dir,
    caFile,
    close: async () => {
      await sb.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

const AZURE_ROLE_IDS = {
  'User Access Administrator': '18d7d88d-d35e-4fb5-a5c3-7773c20a72d9',
  Reader: 'acdd72a7-3385-48ef-bd42-f606fba81ae7',
};

/** What an Azure administrator does for a pipeline's app (docs/pipelines.md): a role on the subscription. */
export function grantAzureAccess(
  sb: Sandbox,
  principalId: string,
  role: keyof typeof AZURE_ROLE_IDS = 'User Access Administrator',
): void {
  const sub = Object.keys(sb.state.azure.subscriptions)[0];
  const scope = `/subscriptions/${sub}`;
  const name = `0f1e2d3c-4b5a-4978-8695-${principalId.replace(/-/g, '').slice(0, 12)}`;
  const id = `${scope}/providers/Microsoft.Authorization/roleAssignments/${name}`;
  sb.state.azure.roleAssignments[id.toLowerCase()] = {
    id,
    scope,
    name,
    roleDefinitionId: AZURE_ROLE_IDS[role],
    principalId,
    principalType: 'ServicePrincipal',
    description: 'pim-groups pipeline',
    createdOn: '2025-06-01T09:00:00.0000000Z',
  };
}

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
  text: string;
}

/** Runs `node dist/cli.js ARGS` in `cwd` with only the given environment (plus PATH and the sandbox CA). */
export function runCli(
  args: string[],
  o: { cwd: string; caFile: string; env?: Record<string, string>; onStderr?: (text: string) => void },
): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], {
      cwd: o.cwd,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { PATH: process.env.PATH ?? '', NODE_EXTRA_CA_CERTS: o.caFile, ...o.env },
    });
    let stdout = '',
      stderr = '';
    child.stdout.on('data', (d: Buffer) => {
      stdout += d.toString();
    });
    child.stderr.on('data', (d: Buffer) => {
      stderr += d.toString();
      o.onStderr?.(stderr);
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? 1, stdout, stderr, text: `${stdout}\n${stderr}` }));
  });
}

/** The connection flags of a real sign-in against the sandbox. */
export function signInFlags(s: SignInSandbox, auth: string, clientId: string, tenant: string = TENANT): string[] {
  return [
    '--sandbox',
    s.sb.url,
    '--authority-host',
    s.sb.identity!.url,
    '--auth',
    auth,
    '--tenant',
    tenant,
    '--client-id',
    clientId,
  ];
}

/** Any JWT at all (header.payload), signed or not. */
export const ANY_JWT = /eyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}/;

export function allFiles(dir: string): string[] {
  return fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.join(e.parentPath ?? (e as unknown as { path: string }).path, e.name));
}

/**
 * Graph writes the sandbox processed (method + path + body), to check that none was applied twice. getByIds is a
 * read; a 429 was refused before processing (Conditional Access allows one request a second per tenant), so its
 * retry is the write's only delivery.
 */
export function writes(sb: Sandbox): string[] {
  return sb.requestLog
    .filter((e) => e.method !== 'GET' && !/\$batch|getByIds/.test(e.path) && e.status !== 429)
    .map((e) => `${e.method} ${e.path} ${JSON.stringify(e.body ?? null)}`);
}

/** Admin consent for a seeded app registration: its service principal appears in the tenant. */
export function installApp(sb: Sandbox, appId: string): void {
  const app = sb.identity!.service.apps.get(appId)!;
  sb.state.servicePrincipals[app.servicePrincipalId] = {
    id: app.servicePrincipalId,
    appId,
    displayName: app.displayName,
    servicePrincipalType: 'Application',
    accountEnabled: true,
  };
  if (!app.applicationPermissions.some((p) => p.includes('ReadWrite')))
    grantAzureAccess(sb, app.servicePrincipalId, 'Reader');
}
