// CodeLens on definition files (the same documents the definitions feature validates).
import * as vscode from 'vscode';
import { DEFINITION_SELECTOR, DefinitionsFeature } from '../common/definitionsFeature';
import type { PlanService } from '../common/plans/planService';
import { DefinitionCodeLens } from './definitionCodeLens';

export function registerCodeLens(
  context: vscode.ExtensionContext,
  definitions: DefinitionsFeature,
  plans: PlanService,
): void {
  const provider = new DefinitionCodeLens(definitions, plans.store);
  context.subscriptions.push(provider, vscode.languages.registerCodeLensProvider(DEFINITION_SELECTOR, provider));
}
