// The one implementation of Connections: a tenant session through VS Code's `microsoft` authentication provider,
// or the local sandbox. Nothing here runs during activate(): the engine chunk loads on the first transport().
import * as vscode from 'vscode';
import type { TokenSource } from '../../auth/tokenSource';
import { loadEngine } from '../engine/engineLoader';
import { UserCancelledError, UserFacingError } from '../infrastructure/errors';
import { isSignInCancelled } from './signInCancelled';
import { Log } from '../infrastructure/log';
import { ConnectionInfo, Connections, SandboxCallerChoice } from '../common/connection';

export type { SandboxCallerChoice };
import { readConnectionSettings } from '../common/connectionSettings';
import { armSignInScopes, signInScopes } from './graphScopes';
import { checkSandboxUrl } from './sandboxAddress';
import { sessionTokenSource, authProviderId } from './sessionTokenSource';
import { Reachability } from './reachability';

type GraphTransport = Awaited<ReturnType<Connections['transport']>>;
type Sandbox = Awaited<ReturnType<ReturnType<typeof loadEngine>['startSandbox']>>;

const REMEMBERED = 'pimGroups.connection';

interface Active {
  info: ConnectionInfo;
  credential: TokenSource;
  /** Tenant connections in the public cloud: the token source for Azure Resource Manager (Azure role bindings). */
  armCredential?: TokenSource;
  transport?: GraphTransport;
}

export class ConnectionService implements Connections, vscode.Disposable {
  private active: Active | undefined;
  private ownSandbox: Sandbox | undefined;
  private callerOverride: SandboxCallerChoice | undefined;
  /** "Use the built-in sandbox" after the configured one refused: pimGroups.sandbox.url is set aside until it changes. */
  private builtInSandbox = false;
  /** Whether the host answers; fast, because the transport reports a refused local connection at once. */
  readonly reachability = new Reachability();
  private readonly changed = new vscode.EventEmitter<ConnectionInfo | undefined>();
  readonly onDidChange = this.changed.event;

  constructor(
    private readonly context: vscode.ExtensionContext,
    private readonly log: Log,
  ) {
    // The first answer after a refusal: every view refreshes, as after a new connection.
    this.reachability.onDidChange(() => {
      if (!this.reachability.refused && this.active) this.changed.fire(this.active.info);
    });
  }

  current(): ConnectionInfo | undefined {
    return this.active?.info;
  }

  async transport(): Promise<GraphTransport> {
    const active = this.active;
    if (!active) {
      throw new UserFacingError(
        'Not connected to a tenant: sign in, or try the extension with the local sandbox tenant.',
        [
          { title: 'Sign In', run: () => vscode.commands.executeCommand('pimGroups.signIn') },
          { title: 'Try without a tenant', run: () => vscode.commands.executeCommand('pimGroups.useSandbox') },
        ],
      );
    }
    if (!active.transport) {
      const { graph, bindings } = loadEngine();
      const log = this.log;
      const origin = new URL(active.info.graphBaseUrl).origin;
      // Azure role bindings read and write ARM, another host with its own token audience (docs/bindings.md).
      active.transport = bindings.connectionTransport({
        graphBaseUrl: active.info.graphBaseUrl,
        credential: active.credential,
        arm: active.armCredential ? { baseUrl: bindings.ARM_GLOBAL, credential: active.armCredential } : undefined,
        logger: (entry) => log.debug(graph.formatLogEntry(entry)),
        onReachability: (state) => {
          if (this.active !== active) return; // an earlier connection's late answer says nothing about this one
          if (state === 'refused') log.warn(`${origin} refused the connection: nothing is listening there`);
          this.reachability.heard(state, origin);
        },
      });
    }
    return active.transport;
  }

  /** The sandbox caller in use (test API and the "retry as an MFA session" offer). */
  sandboxCaller(): SandboxCallerChoice {
    const settings = readConnectionSettings();
    return this.callerOverride ?? { upn: settings.sandboxUser, mfa: settings.sandboxMfa };
  }

  /** Connects to the sandbox: `pimGroups.sandbox.url` when set, else one started here on 127.0.0.1. */
  async connectSandbox(caller?: SandboxCallerChoice): Promise<ConnectionInfo> {
    if (caller) this.callerOverride = caller;
    const chosen = this.sandboxCaller();
    const url = await this.sandboxUrl();
    const engine = loadEngine();
    // Only ever minted, unsigned sandbox tokens here: never a VS Code session's token (see sandboxAddress.ts).
    const credential = engine.auth.sandboxTokenSource({ upn: chosen.upn, mfa: chosen.mfa, scopes: chosen.scopes });
    const info: ConnectionInfo = {
      kind: 'sandbox',
      label: `Sandbox · ${chosen.upn}`,
      account: chosen.upn,
      tenant: 'contoso.com',
      graphBaseUrl: url,
    };
    this.setActive({ info, credential }, 'sandbox');
    return info;
  }

  /** "Try without a tenant": the sandbox as `pimGroups.sandbox.user`, forgetting any caller chosen at run time. */
  connectSandboxFromSettings(): Promise<ConnectionInfo> {
    this.callerOverride = undefined;
    this.builtInSandbox = false;
    return this.connectSandbox();
  }

  /** After a refusal: a sandbox started here, whatever pimGroups.sandbox.url says (until that setting changes). */
  async connectBuiltInSandbox(): Promise<ConnectionInfo> {
    this.builtInSandbox = true;
    // Our own sandbox is the one that refused only if it was stopped: start a fresh one.
    if (this.ownSandbox && this.reachability.refused === new URL(this.ownSandbox.url).origin)
      await this.closeOwnSandbox();
    return this.connectSandbox();
  }

  /** Asks the host again; when it answers, every view refreshes (see the constructor). Throws the refusal if not. */
  async retry(): Promise<void> {
    const transport = await this.transport();
    await transport.get('/me');
  }

  /** Signs in through VS Code's Microsoft account provider with the app registration and tenant in the settings. */
  async signIn(options: { forceNewSession?: boolean; tenantId?: string } = {}): Promise<ConnectionInfo> {
    const settings = readConnectionSettings();
    // Without the customer's own app registration, VS Code's client id would be asked for PIM write scopes that
    // Microsoft's consent page refuses: say what to configure instead of starting a sign-in that cannot work.
    if (!settings.clientId) {
      throw new UserFacingError(
        'Signing in needs your app registration: set pimGroups.auth.clientId (and pimGroups.auth.tenantId) first. ' +
          'The walkthrough explains how to register the app.',
        [
          {
            title: 'Open Settings',
            run: () => vscode.commands.executeCommand('workbench.action.openSettings', 'pimGroups.auth'),
          },
          { title: 'Try the Sandbox', run: () => vscode.commands.executeCommand('pimGroups.useSandbox') },
        ],
      );
    }
    const { graph, readiness } = loadEngine();
    const graphBaseUrl = settings.graphEndpoint || graph.cloudEndpoints(settings.cloud).graph;
    const scopes = signInScopes({
      clientId: settings.clientId,
      tenantId: options.tenantId ?? settings.tenantId,
      graphBaseUrl,
      graphScopes: readiness.editorSignInScopes(),
    });
    const providerId = authProviderId(settings.cloud);
    const session = await vscode.authentication
      .getSession(
        providerId,
        scopes,
        options.forceNewSession
          ? { forceNewSession: { detail: 'Sign in to manage PIM for Groups.' } }
          : { createIfNone: true },
      )
      .then(undefined, (error: unknown) => {
        // VS Code rejects with a plain Error when the user closes the sign-in or declines consent: that is a choice,
        // not a failure (the command wrapper stays silent).
        if (isSignInCancelled(error)) throw new UserCancelledError('signing in');
        throw error;
      });
    if (!session) throw new UserFacingError('Sign-in did not complete.');
    const tenant = options.tenantId ?? settings.tenantId ?? 'organizations';
    const info = tenantInfo(tenant, session, graphBaseUrl);
    this.setActive(
      {
        info,
        credential: sessionTokenSource(providerId, scopes),
        armCredential: armCredentialFor(settings, options.tenantId),
      },
      'tenant',
    );
    this.log.info(`Signed in to ${tenant} as ${session.account.label}`);
    return info;
  }

  /** Forgets the connection; the VS Code account itself stays signed in (Accounts menu), as other extensions do. */
  async signOut(): Promise<void> {
    this.setActive(undefined, undefined);
    await this.closeOwnSandbox();
  }

  /** Reconnects what the user chose last time, without prompting; called after activate() returns. */
  async restore(): Promise<void> {
    const last = this.context.globalState.get<string>(REMEMBERED);
    try {
      if (last === 'sandbox') await this.connectSandbox();
      else if (last === 'tenant') await this.restoreTenant();
    } catch (error) {
      this.log.warn(`Could not restore the ${last} connection: ${(error as Error).message}`);
    }
  }

  dispose(): void {
    this.changed.dispose();
    this.reachability.dispose();
    void this.closeOwnSandbox();
  }

  private async restoreTenant(): Promise<void> {
    const settings = readConnectionSettings();
    const { graph, readiness } = loadEngine();
    const graphBaseUrl = settings.graphEndpoint || graph.cloudEndpoints(settings.cloud).graph;
    const graphScopes = readiness.editorSignInScopes();
    const scopes = signInScopes({
      clientId: settings.clientId,
      tenantId: settings.tenantId,
      graphBaseUrl,
      graphScopes,
    });
    const providerId = authProviderId(settings.cloud);
    const session = await vscode.authentication.getSession(providerId, scopes, { silent: true });
    if (!session) return;
    const tenant = settings.tenantId ?? 'organizations';
    this.setActive(
      {
        info: tenantInfo(tenant, session, graphBaseUrl),
        credential: sessionTokenSource(providerId, scopes),
        armCredential: armCredentialFor(settings),
      },
      'tenant',
    );
  }

  private setActive(active: Active | undefined, remember: 'sandbox' | 'tenant' | undefined): void {
    this.active = active;
    this.reachability.reset();
    void this.context.globalState.update(REMEMBERED, remember);
    void vscode.commands.executeCommand('setContext', 'pimGroups.connected', !!active);
    void vscode.commands.executeCommand('setContext', 'pimGroups.connectionKind', active?.info.kind ?? '');
    this.changed.fire(active?.info);
  }

  private async sandboxUrl(): Promise<string> {
    const configured = this.builtInSandbox ? undefined : readConnectionSettings().sandboxUrl;
    if (configured) {
      const checked = checkSandboxUrl(configured);
      if ('refused' in checked) throw new UserFacingError(checked.refused);
      await this.closeOwnSandbox();
      return checked.url;
    }
    if (!this.ownSandbox) {
      const storage = this.context.globalStorageUri.fsPath;
      await vscode.workspace.fs.createDirectory(this.context.globalStorageUri);
      this.ownSandbox = await loadEngine().startSandbox({ port: 0, seed: 'demo', dataFile: `${storage}/sandbox.json` });
      this.log.info(`Sandbox tenant listening on ${this.ownSandbox.url} (data in ${storage}/sandbox.json)`);
    }
    return this.ownSandbox.url;
  }

  private async closeOwnSandbox(): Promise<void> {
    const sandbox = this.ownSandbox;
    this.ownSandbox = undefined;
    await sandbox?.close();
  }
}

/** ARM tokens for Azure role bindings: public cloud only (as the CLI), consent asked on first use. */
/** What a tenant connection shows and remembers: the tenant as configured and the signed-in account. */
function tenantInfo(tenant: string, session: vscode.AuthenticationSession, graphBaseUrl: string): ConnectionInfo {
  return {
    kind: 'tenant',
    label: `${tenant} · ${session.account.label}`,
    account: session.account.label,
    accountId: session.account.id,
    tenant,
    graphBaseUrl,
  };
}

function armCredentialFor(
  settings: ReturnType<typeof readConnectionSettings>,
  tenantId?: string,
): TokenSource | undefined {
  if (settings.cloud !== 'global' || settings.graphEndpoint) return undefined;
  return sessionTokenSource(
    'microsoft',
    armSignInScopes({ clientId: settings.clientId, tenantId: tenantId ?? settings.tenantId }),
    { askOnFirstUse: 'Azure role bindings need access to Azure Resource Manager.' },
  );
}
