// CodeLens on definition files (the same documents the definitions feature validates).
import * as vscode from 'vscode';
import { DEFINITION_SELECTOR, DefinitionsFeature } from '../definitions/registerDefinitions';
import type { PlanService } from '../preview/planService';
import { DefinitionCodeLens } from './definitionCodeLens';

export function registerCodeLens(context: vscode.ExtensionContext, definitions: DefinitionsFeature, plans: PlanService): void {
  const provider = new DefinitionCodeLens(definitions, plans.store);
  context.subscriptions.push(provider, vscode.languages.registerCodeLensProvider(DEFINITION_SELECTOR, provider));
}
