// Entry point of the VS Code extension: a table of contents. Each feature registers itself from its own folder
// (src/extension/<feature>/register*.ts); nothing here awaits, so commands exist as soon as activate() returns.
import * as vscode from 'vscode';
import { CommandRegistrar } from './infrastructure/commandRegistrar';
import { ExtensionDeps } from './infrastructure/deps';
import { createLog } from './infrastructure/logChannel';
import { registerShowLog } from './infrastructure/registerShowLog';
import { SwitchableUserInput } from './infrastructure/scriptedUserInput';
import { VsCodeUserInput } from './infrastructure/vscodeUserInput';
import { registerDefinitions } from './definitions/registerDefinitions';
import { createConnections, registerConnectionCommands } from './connection/registerConnection';
import { PimGroupsTestApi, createTestApi } from './testApi';

export function activate(context: vscode.ExtensionContext): PimGroupsTestApi {
  const started = performance.now();

  const log = createLog(vscode.window.createOutputChannel('PIM Groups', { log: true }));
  context.subscriptions.push(log);
  const ui = new SwitchableUserInput(new VsCodeUserInput());
  const connections = createConnections(context, log);
  const deps: ExtensionDeps = { log, ui, commands: new CommandRegistrar(context, log), connections };

  registerShowLog(deps);
  const definitions = registerDefinitions(context, deps);
  registerConnectionCommands(context, deps, connections);

  const activationMs = performance.now() - started;
  log.info(`PIM Groups ${context.extension.packageJSON.version} activated in ${activationMs.toFixed(1)} ms`);
  return createTestApi(activationMs, ui, deps.commands, definitions);
}

export function deactivate(): void {}
