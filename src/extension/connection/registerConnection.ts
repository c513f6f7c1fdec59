// Sign In, Sign Out, Switch Tenant, Try without a tenant, and the connection quick pick behind the status bar.
import * as vscode from 'vscode';
import { COMMANDS } from '../commandIds';
import { ExtensionDeps } from '../common/deps';
import { ConnectionService } from './connectionService';
import { ConnectionStatusBar } from './connectionStatusBar';
import { explainRefusedConnection } from './refusedConnectionActions';
import { explainPermissionRefusal } from './permissionRefusalActions';

export function registerConnectionCommands(
  context: vscode.ExtensionContext,
  deps: ExtensionDeps,
  service: ConnectionService,
): ConnectionStatusBar {
  const { commands, ui } = deps;
  commands.explainFailuresWith((error, retry) => explainRefusedConnection(error, service, retry));
  commands.explainFailuresWith((error) =>
    explainPermissionRefusal(error, (command) => vscode.commands.executeCommand(command)),
  );
  commands.register(COMMANDS.signIn, () => service.signIn());
  commands.register(COMMANDS.useSandbox, () => service.connectSandboxFromSettings());
  commands.register(COMMANDS.signOut, () => service.signOut());
  commands.register(COMMANDS.switchTenant, async () => {
    const tenantId = await ui.input({
      title: 'Switch Tenant',
      prompt: 'Tenant id or domain (e.g. contoso.onmicrosoft.com)',
      value: service.current()?.kind === 'tenant' ? service.current()?.tenant : undefined,
      validate: (v) => (/^[A-Za-z0-9.-]+$/.test(v.trim()) ? undefined : 'A tenant id (GUID) or a domain name'),
    });
    return service.signIn({ tenantId: tenantId.trim(), forceNewSession: true });
  });
  commands.register(COMMANDS.selectConnection, async () => {
    const current = service.current();
    type Choice = 'signIn' | 'sandbox' | 'switch' | 'signOut' | 'retry' | 'builtIn';
    const refused = current && service.reachability.refused;
    const items = [
      // Nothing listens at the connection's address: the two ways forward come first.
      ...(refused
        ? [
            { label: '$(debug-restart) Retry', detail: `Ask ${refused} again`, value: 'retry' as Choice },
            {
              label: '$(beaker) Use the built-in sandbox',
              detail: 'A sandbox tenant started inside VS Code (demo data, Contoso)',
              value: 'builtIn' as Choice,
            },
          ]
        : []),
      {
        label: '$(sign-in) Sign in to a tenant',
        detail: 'Your app registration and tenant (settings pimGroups.auth.*)',
        value: 'signIn' as Choice,
      },
      {
        label: '$(beaker) Try without a tenant',
        detail: 'The local sandbox tenant (demo data, Contoso)',
        value: 'sandbox' as Choice,
      },
      ...(current
        ? [
            // A tenant to switch to exists only when signed in to one; the sandbox has a single tenant.
            ...(current.kind === 'tenant'
              ? [{ label: '$(arrow-swap) Switch tenant…', value: 'switch' as Choice }]
              : []),
            { label: '$(sign-out) Sign out', description: current.label, value: 'signOut' as Choice },
          ]
        : []),
    ];
    const chosen = await ui.pick(items, {
      title: 'PIM Groups connection',
      placeholder: refused
        ? `Disconnected: nothing is listening at ${refused}`
        : current
          ? `Connected: ${current.label}`
          : 'Not connected',
    });
    if (chosen.value === 'retry') return service.retry();
    if (chosen.value === 'builtIn') return service.connectBuiltInSandbox();
    const command = {
      signIn: COMMANDS.signIn,
      sandbox: COMMANDS.useSandbox,
      switch: COMMANDS.switchTenant,
      signOut: COMMANDS.signOut,
    }[chosen.value as Exclude<Choice, 'retry' | 'builtIn'>];
    return vscode.commands.executeCommand(command);
  });
  const statusBar = new ConnectionStatusBar(service, service.reachability);
  context.subscriptions.push(
    statusBar,
    vscode.workspace.onDidChangeConfiguration((e) => {
      const kind = service.current()?.kind;
      // The sandbox follows its settings at once; a tenant session keeps its token until the user signs in again.
      if (kind === 'sandbox' && e.affectsConfiguration('pimGroups.sandbox'))
        void service
          .connectSandboxFromSettings()
          .catch((error) => deps.log.warn(`Sandbox: ${(error as Error).message}`));
      if (
        kind === 'tenant' &&
        ['pimGroups.auth', 'pimGroups.cloud', 'pimGroups.graph'].some((k) => e.affectsConfiguration(k))
      ) {
        void vscode.window
          .showInformationMessage('PIM Groups: the sign-in settings changed; sign in again to use them.', 'Sign In')
          .then((chosen) => {
            if (chosen) void vscode.commands.executeCommand(COMMANDS.signIn);
          });
      }
    }),
  );
  return statusBar;
}

/** Creates the connection service (nothing loads yet) and restores last session's choice after activate() returns. */
export function createConnections(context: vscode.ExtensionContext, log: ExtensionDeps['log']): ConnectionService {
  const service = new ConnectionService(context, log);
  context.subscriptions.push(service);
  setTimeout(() => void service.restore(), 0);
  return service;
}
