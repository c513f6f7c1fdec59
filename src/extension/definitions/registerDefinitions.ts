// The definitions feature: diagnostics for the workspace's *.pim.yaml, quick fixes, and the commands
// New Definition from Use Case… and Validate Definitions.
import * as vscode from 'vscode';
import { COMMANDS } from '../commandIds';
import { ExtensionDeps } from '../infrastructure/deps';
import { DefinitionDiagnostics } from './definitionDiagnostics';
import { DefinitionFileSet } from './definitionFileSet';
import { DefinitionSources } from './definitionSources';
import { newDefinitionFromUseCase } from './newDefinitionFromUseCase';
import { DefinitionQuickFixes } from './quickFixProvider';

/** Where definitions live: *.pim.yaml / *.pim.yml files, and unsaved new definitions. */
export const DEFINITION_SELECTOR: vscode.DocumentSelector = [
  { pattern: '**/*.pim.{yaml,yml}' },
  { scheme: 'untitled', language: 'yaml' },
];

export interface DefinitionsFeature {
  /** Resolves when the first scan is done and no validation is pending. */
  whenIdle(): Promise<void>;
  /** Paths of the tracked definition files, as findings name them. */
  trackedFiles(): string[];
}

export function registerDefinitions(context: vscode.ExtensionContext, deps: ExtensionDeps): DefinitionsFeature {
  const files = new DefinitionFileSet();
  const diagnostics = new DefinitionDiagnostics(files, deps.log);
  const sources = new DefinitionSources(files, diagnostics, deps.log);
  context.subscriptions.push(
    diagnostics,
    sources,
    vscode.languages.registerCodeActionsProvider(DEFINITION_SELECTOR, new DefinitionQuickFixes(diagnostics), DefinitionQuickFixes.metadata),
  );
  void sources.scan(); // not awaited: activate() returns before the workspace is read

  deps.commands.register(COMMANDS.newDefinitionFromUseCase, (target?: unknown) =>
    newDefinitionFromUseCase(deps.ui, target instanceof vscode.Uri ? target : undefined));

  deps.commands.register(COMMANDS.validateWorkspace, async () => {
    await sources.scan();
    await diagnostics.validateNow();
    await vscode.commands.executeCommand('workbench.actions.view.problems');
    return { files: files.size };
  });

  return {
    whenIdle: () => diagnostics.whenIdle(),
    trackedFiles: () => files.snapshot().map((f) => f.path).sort(),
  };
}
