// Tenant-aware authoring: completion of the tenant's objects, edit-time checks with the plan's codes, and hovers on
// principals — all through TenantLookups (debounced, cancellable, cached per connection, never without trust).
import * as vscode from 'vscode';
import type { ExtensionDeps } from '../common/deps';
import { DEFINITION_SELECTOR, DefinitionsFeature } from '../common/definitionsFeature';
import { TenantCompletions } from './tenantCompletionProvider';
import { TenantDiagnostics } from './tenantDiagnostics';
import { PrincipalHovers } from './principalHoverProvider';
import { TenantLookups } from './tenantLookups';
import { PERMISSIONS_COMMAND } from '../common/permissionRefusal';

const CHECK_READINESS = 'Check Tenant Readiness';

export interface TenantAuthoring {
  lookups: TenantLookups;
  diagnostics: TenantDiagnostics;
  /** What was said about refused catalogues, in order (host tests read it). */
  refusalsSaid: string[];
}

export function registerTenantAuthoring(
  context: vscode.ExtensionContext,
  deps: ExtensionDeps,
  definitions: DefinitionsFeature,
): TenantAuthoring {
  const refusalsSaid: string[] = [];
  // Said once per connection and catalogue, with the way forward; completion itself only lists real objects.
  const sayRefused = (sentence: string) => {
    refusalsSaid.push(sentence);
    void vscode.window.showWarningMessage(sentence, CHECK_READINESS).then((choice) => {
      if (choice === CHECK_READINESS) void vscode.commands.executeCommand(PERMISSIONS_COMMAND);
    });
  };
  const lookups = new TenantLookups(deps.connections, deps.log, undefined, sayRefused);
  const diagnostics = new TenantDiagnostics(definitions, lookups, deps.log);
  const refresh = () => diagnostics.refresh();
  context.subscriptions.push(
    diagnostics,
    // ':' opens the list right after `user:`; ' ' right after `role: ` and the like (elsewhere it offers nothing).
    vscode.languages.registerCompletionItemProvider(DEFINITION_SELECTOR, new TenantCompletions(lookups), ':', ' '),
    vscode.languages.registerHoverProvider(DEFINITION_SELECTOR, new PrincipalHovers(definitions, lookups)),
    definitions.onDidValidate(refresh),
    deps.connections.onDidChange(() => {
      lookups.reset();
      refresh();
    }),
    vscode.workspace.onDidGrantWorkspaceTrust(refresh),
    vscode.workspace.onDidOpenTextDocument(refresh),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('pimGroups.authoring.tenantChecks')) refresh();
    }),
  );
  return { lookups, diagnostics, refusalsSaid };
}
