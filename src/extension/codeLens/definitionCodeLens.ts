// CodeLens above each PimGroup document: Preview · Apply · Diff with Tenant, and what the last plan said (drift,
// changes, in sync) while the definition is the one that was planned. Never reads the tenant by itself.
import * as vscode from 'vscode';
import { COMMANDS } from '../commandIds';
import type { DefinitionsFeature } from '../common/definitionsFeature';
import { definitionPathOf } from '../common/plans/definitionPaths';
import { definitionSignature } from '../common/plans/planScope';
import type { PlanStore } from '../common/plans/planStore';
import { LENS_TITLES, planStatusTitle } from './codeLensTitles';
import { findPimGroupDocuments } from './pimGroupDocuments';

export class DefinitionCodeLens implements vscode.CodeLensProvider, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeCodeLenses = this.changed.event;
  private readonly subscriptions: { dispose(): void }[];

  constructor(
    private readonly definitions: DefinitionsFeature,
    private readonly store: PlanStore,
  ) {
    this.subscriptions = [
      definitions.onDidValidate(() => this.changed.fire()),
      store.onDidChange(() => this.changed.fire()),
    ];
  }

  provideCodeLenses(document: vscode.TextDocument): vscode.CodeLens[] {
    const lenses: vscode.CodeLens[] = [];
    for (const doc of findPimGroupDocuments(document.getText())) {
      const range = new vscode.Range(doc.line, 0, doc.line, 0);
      lenses.push(
        new vscode.CodeLens(range, {
          title: LENS_TITLES.preview,
          command: COMMANDS.previewChanges,
          arguments: [document.uri],
        }),
        new vscode.CodeLens(range, {
          title: LENS_TITLES.apply,
          command: COMMANDS.applyChanges,
          arguments: [document.uri],
        }),
        new vscode.CodeLens(range, {
          title: LENS_TITLES.diff,
          command: COMMANDS.diffWithTenant,
          arguments: [document.uri],
        }),
      );
      const status = planStatusTitle(doc.name ? this.statusOf(document, doc.name) : undefined);
      if (status)
        lenses.push(
          new vscode.CodeLens(range, {
            title: status,
            tooltip: 'From the last preview; Preview to read the tenant again',
            command: COMMANDS.previewChanges,
            arguments: [document.uri],
          }),
        );
    }
    return lenses;
  }

  /** The last plan's word on the group, only while the validated text is this editor version. */
  private statusOf(document: vscode.TextDocument, name: string) {
    const result = this.definitions.lastResult();
    const validated = result?.files.get(document.uri.toString());
    if (!result || !validated || (validated.version !== undefined && validated.version !== document.version))
      return undefined;
    const path = definitionPathOf(document.uri);
    const group = result.groups.find((g) => g.metadata.name === name && g.source.file === path);
    return group ? this.store.statusOf(name, definitionSignature(group, result.templates)) : undefined;
  }

  dispose(): void {
    for (const s of this.subscriptions) s.dispose();
    this.changed.dispose();
  }
}
