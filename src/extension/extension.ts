// Entry point of the VS Code extension: a table of contents. Each feature registers itself from its own folder
// (src/extension/<feature>/register*.ts); nothing here awaits, so commands exist as soon as activate() returns.
import * as vscode from 'vscode';
import { CommandRegistrar } from './infrastructure/commandRegistrar';
import { ExtensionDeps } from './common/deps';
import { TenantChanges } from './common/tenantChanges';
import { createLog } from './infrastructure/logChannel';
import { registerShowLog } from './infrastructure/registerShowLog';
import { SwitchableUserInput } from './infrastructure/scriptedUserInput';
import { VsCodeUserInput } from './infrastructure/vscodeUserInput';
import { registerDefinitions } from './definitions/registerDefinitions';
import { registerAuthoring } from './authoring/registerAuthoring';
import { createConnections, registerConnectionCommands } from './connection/registerConnection';
import { registerExplorer } from './explorer/registerExplorer';
import { registerAssignmentActions } from './explorer/registerAssignmentActions';
import { registerMyAccess } from './myAccess/registerMyAccess';
import { registerActivation } from './activation/registerActivation';
import { ViewsTestApi, createViewsTestApi } from './testMode/viewsTestApi';
import { registerApply } from './apply/registerApply';
import { registerCodeLens } from './codeLens/registerCodeLens';
import { registerDefinitionsView } from './definitionsView/registerDefinitionsView';
import { registerDiff } from './diff/registerDiff';
import { registerImportGroup } from './importGroup/registerImportGroup';
import { registerReadiness } from './readiness/registerReadiness';
import { registerPreview } from './preview/registerPreview';
import { registerTenantAuthoring } from './tenantAuthoring/registerTenantAuthoring';
import { PimGroupsTestApi, createTestApi } from './testMode/testApi';
import { testApiFor } from './testMode/testApiGate';

// For the host test that proves the production mode exposes no test API (it calls the bundled gate).
export { testApiFor };

export function activate(context: vscode.ExtensionContext): (PimGroupsTestApi & ViewsTestApi) | undefined {
  const started = performance.now();

  const log = createLog(vscode.window.createOutputChannel('PIM Groups', { log: true }));
  context.subscriptions.push(log);
  // Scripted prompts exist only in test mode; otherwise every prompt is VS Code's own.
  const realPrompts = new VsCodeUserInput();
  const testing = testApiFor(context.extensionMode, () => ({ prompts: new SwitchableUserInput(realPrompts) }));
  const ui = testing?.prompts ?? realPrompts;
  const connections = createConnections(context, log);
  const tenant = new TenantChanges(connections);
  context.subscriptions.push(tenant);
  const deps: ExtensionDeps = { log, ui, commands: new CommandRegistrar(context, log), connections, tenant };

  registerShowLog(deps.commands, log);
  const definitions = registerDefinitions(context, deps);
  registerAuthoring(context, definitions);
  const connectionStatus = registerConnectionCommands(context, deps, connections);
  const groups = registerExplorer(context, deps, definitions);
  const myAccess = registerMyAccess(context, deps);
  const trustGuard = registerActivation(context, deps, connections, myAccess.model);
  registerAssignmentActions(deps, trustGuard);
  const preview = registerPreview(context, deps, definitions);
  const plans = preview.plans;
  registerApply(deps, plans);
  registerDiff(context, deps, definitions, plans);
  registerCodeLens(context, definitions, plans);
  const definitionsView = registerDefinitionsView(context, definitions, plans);
  registerImportGroup(deps);
  registerReadiness(context, deps, definitions);
  const tenantAuthoring = registerTenantAuthoring(context, deps, definitions);

  const activationMs = performance.now() - started;
  log.info(`PIM Groups ${context.extension.packageJSON.version} activated in ${activationMs.toFixed(1)} ms`);
  return (
    testing &&
    Object.assign(
      createTestApi(activationMs, testing.prompts, deps.commands, definitions, {
        definitionRows: () => definitionsView.rows(),
        previewHtml: preview.html,
        tenantChanges: () => tenant.changes,
        catalogueRefusals: () => tenantAuthoring.refusalsSaid,
      }),
      createViewsTestApi({
        connections,
        connectionStatus,
        groups,
        guard: trustGuard,
        elevation: myAccess.elevation,
        providers: { 'pimGroups.groups': groups, 'pimGroups.myAccess': myAccess.provider },
        subscriptions: context.subscriptions,
      }),
    )
  );
}

export function deactivate(): void {}
