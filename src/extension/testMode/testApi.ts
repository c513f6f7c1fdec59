// The API activate() returns in test mode only (testApiGate.ts), for the host tests (test/host/**). Not a public
// API: names may change with them.
//
//   const api = await vscode.extensions.getExtension('pim-groups.pim-groups')!.activate() as PimGroupsTestApi;
//   api.setPromptAnswers([{ pick: 'Intune RBAC' }, { input: 'helpdesk-nights' }]);
//   const uri = await vscode.commands.executeCommand(COMMANDS.newDefinitionFromUseCase);
//   assert.deepEqual(api.getUnusedPromptAnswers(), []);
//   await api.whenDefinitionsIdle();  // then read vscode.languages.getDiagnostics(uri)
//
// While answers are set, every prompt takes the next answer; a prompt with no answer left, of the wrong kind, or
// not containing `expect` makes the command fail (see getCommandOutcomes) instead of waiting for a dialog.
import { CommandOutcome } from '../infrastructure/errorBoundary';
import { AskedPrompt, ScriptedAnswer, SwitchableUserInput } from '../infrastructure/scriptedUserInput';
import { CommandRegistrar } from '../infrastructure/commandRegistrar';
import { DefinitionsFeature } from '../common/definitionsFeature';

export type { ScriptedAnswer, AskedPrompt, CommandOutcome };

export interface PimGroupsTestApi {
  /** How long activate() took, in milliseconds (measured inside activate). */
  getActivationMs(): number;
  /** Script the answers of the next prompts (replaces any earlier script). */
  setPromptAnswers(answers: ScriptedAnswer[]): void;
  /** The prompts answered from the current script, in order. */
  getAskedPrompts(): AskedPrompt[];
  /** Scripted answers no prompt has consumed yet. */
  getUnusedPromptAnswers(): ScriptedAnswer[];
  /** Back to VS Code's real prompts. */
  useRealPrompts(): void;
  /** The most recent command runs: id, succeeded | cancelled | failed, duration, one-sentence error. */
  getCommandOutcomes(): CommandOutcome[];
  /** Resolves when the workspace scan is done and the diagnostics reflect every change so far. */
  whenDefinitionsIdle(): Promise<void>;
  /** The definition files the extension validates together (workspace-relative paths). */
  getTrackedDefinitionFiles(): string[];
  /** The Definitions view's rows as it shows them now (label, state, description). */
  getDefinitionRows(): Array<{ label: string; state: string; description: string; file: string }>;
  /** The open plan preview's HTML (undefined: no preview open). */
  getPreviewHtml(): string | undefined;
  /** How many tenant changes (writes, connections) the one refresh path announced so far. */
  getTenantChangeCount(): number;
  /** The notices tenant-aware authoring showed about catalogues it may not read, in order. */
  getCatalogueRefusals(): string[];
}

/** Views whose contents host tests read. */
export interface TestApiViews {
  definitionRows?: () => Array<{ label: string; state: string; description: string; file: string }>;
  previewHtml?: () => string | undefined;
  tenantChanges?: () => number;
  catalogueRefusals?: () => string[];
}

export function createTestApi(
  activationMs: number,
  ui: SwitchableUserInput,
  commands: CommandRegistrar,
  definitions: DefinitionsFeature,
  views: TestApiViews = {},
): PimGroupsTestApi {
  return {
    getActivationMs: () => activationMs,
    setPromptAnswers: (answers) => {
      ui.useScript(answers);
    },
    getAskedPrompts: () => [...(ui.currentScript?.asked ?? [])],
    getUnusedPromptAnswers: () => [...(ui.currentScript?.remaining ?? [])],
    useRealPrompts: () => ui.useRealPrompts(),
    getCommandOutcomes: () => [...commands.outcomes()],
    whenDefinitionsIdle: () => definitions.whenIdle(),
    getTrackedDefinitionFiles: () => definitions.trackedFiles(),
    getPreviewHtml: () => views.previewHtml?.(),
    getTenantChangeCount: () => views.tenantChanges?.() ?? 0,
    getCatalogueRefusals: () => [...(views.catalogueRefusals?.() ?? [])],
    getDefinitionRows: () =>
      (views.definitionRows?.() ?? []).map(({ label, state, description, file }) => ({
        label,
        state,
        description,
        file,
      })),
  };
}
