// The contract of the definitions feature (diagnostics over the workspace's *.pim.yaml files) that other features
// read: the Definitions view, CodeLens, preview, diff, the Groups view. Implemented in definitions/registerDefinitions.ts.
import * as vscode from 'vscode';
import { Finding, PimGroupDefinition, PolicyTemplateDefinition, SettingsDefinition } from '../../definitions/model';

export interface ValidatedFile {
  key: string;
  /** The editor version the findings were computed for (undefined: disk content). */
  version?: number;
  findings: Finding[];
}

export interface ValidationResult {
  files: Map<string, ValidatedFile>;
  /** Findings whose `file` is none of the tracked files (a loader bug); logged, never shown. */
  unplaced: Finding[];
  /** The definitions that could be typed, each with its source (file path as findings name it, ranges). */
  groups: PimGroupDefinition[];
  templates: PolicyTemplateDefinition[];
  /** The workspace's Settings document (protected principals), when there is one. */
  settings?: SettingsDefinition;
}

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
  /** Fires after each validation of the workspace (the Definitions view and CodeLens listen here). */
  onDidValidate: vscode.Event<ValidationResult>;
  /** The last validation's findings per file and typed definitions; undefined before the first run. */
  lastResult(): ValidationResult | undefined;
  /** Validates now (after a rescan when `rescan`), resolving when the diagnostics are up to date. */
  validateNow(rescan?: boolean): Promise<void>;
}
