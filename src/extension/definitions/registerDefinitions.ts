// The definitions feature: diagnostics for the workspace's *.pim.yaml, quick fixes, template-name completion, duration/instant hovers, and the commands
// New Definition from Use Case… and Validate Definitions.
import * as vscode from 'vscode';
import { COMMANDS } from '../commandIds';
import { ExtensionDeps } from '../common/deps';
import { DefinitionDiagnostics } from './definitionDiagnostics';
import { DefinitionFileSet } from './definitionFileSet';
import { DefinitionSources } from './definitionSources';
import { newDefinitionFromUseCase } from './newDefinitionFromUseCase';
import { DefinitionQuickFixes } from './quickFixProvider';
import { TemplateNameCompletions } from './templateCompletionProvider';
import { DefinitionValueHovers } from './valueHoverProvider';
import { MembershipGrantHovers } from './membershipGrantHovers';
import { DEFINITION_SELECTOR, DefinitionsFeature } from '../common/definitionsFeature';

export function registerDefinitions(context: vscode.ExtensionContext, deps: ExtensionDeps): DefinitionsFeature {
  const files = new DefinitionFileSet();
  const diagnostics = new DefinitionDiagnostics(files, deps.log);
  const sources = new DefinitionSources(files, diagnostics, deps.log);
  context.subscriptions.push(
    diagnostics,
    sources,
    vscode.languages.registerCodeActionsProvider(
      DEFINITION_SELECTOR,
      new DefinitionQuickFixes(diagnostics),
      DefinitionQuickFixes.metadata,
    ),
    vscode.languages.registerCompletionItemProvider(
      DEFINITION_SELECTOR,
      new TemplateNameCompletions(diagnostics),
      ' ',
      ':',
    ),
    vscode.languages.registerHoverProvider(DEFINITION_SELECTOR, new DefinitionValueHovers()),
    vscode.languages.registerHoverProvider(
      DEFINITION_SELECTOR,
      new MembershipGrantHovers(() => diagnostics.lastResult),
    ),
  );
  void sources.scan(); // not awaited: activate() returns before the workspace is read

  deps.commands.register(COMMANDS.newDefinitionFromUseCase, (target?: unknown) =>
    newDefinitionFromUseCase(deps.ui, target instanceof vscode.Uri ? target : undefined),
  );

  const validateNow = async (rescan = false) => {
    if (rescan) await sources.scan();
    await diagnostics.validateNow();
  };

  deps.commands.register(COMMANDS.validateWorkspace, async () => {
    await validateNow(true);
    await vscode.commands.executeCommand('workbench.actions.view.problems');
    const findings = [...(diagnostics.lastResult?.files.values() ?? [])].flatMap((f) => f.findings);
    const count = (severity: string) => findings.filter((f) => f.severity === severity).length;
    return { files: files.size, errors: count('error'), warnings: count('warning') };
  });

  return {
    whenIdle: () => diagnostics.whenIdle(),
    trackedFiles: () =>
      files
        .snapshot()
        .map((f) => f.path)
        .sort(),
    onDidValidate: diagnostics.onDidValidate,
    lastResult: () => diagnostics.lastResult,
    validateNow,
  };
}
