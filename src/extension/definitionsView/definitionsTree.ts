// The Definitions view: the workspace's definitions with their state; a click reveals the definition.
import * as vscode from 'vscode';
import { readAppliedRecord } from '../../plan/appliedRecordFile';
import { COMMANDS } from '../commandIds';
import type { DefinitionsFeature } from '../common/definitionsFeature';
import { definitionUris } from '../common/plans/definitionPaths';
import { definitionSignature } from '../common/plans/planScope';
import type { PlanService } from '../common/plans/planService';
import { DefinitionRow, definitionRows, DefinitionState } from './definitionStates';

const ICONS: Record<DefinitionState, vscode.ThemeIcon> = {
  errors: new vscode.ThemeIcon('error', new vscode.ThemeColor('list.errorForeground')),
  drift: new vscode.ThemeIcon('warning', new vscode.ThemeColor('list.warningForeground')),
  'not-applied': new vscode.ThemeIcon('cloud-upload'),
  'not-compared': new vscode.ThemeIcon('circle-outline'),
  'in-sync': new vscode.ThemeIcon('pass', new vscode.ThemeColor('testing.iconPassed')),
  applied: new vscode.ThemeIcon('circle-outline'),
  // As the Groups view marks a part it cannot read.
  'cannot-compare': new vscode.ThemeIcon('lock', new vscode.ThemeColor('list.warningForeground')),
};

export class DefinitionsTree implements vscode.TreeDataProvider<DefinitionRow>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly subscriptions: { dispose(): void }[];
  private uris: Record<string, string> = {};

  constructor(
    private readonly definitions: DefinitionsFeature,
    private readonly plans: PlanService,
  ) {
    this.subscriptions = [
      definitions.onDidValidate(() => this.changed.fire()),
      plans.store.onDidChange(() => this.changed.fire()),
    ];
  }

  /** The rows as the view shows them now (host tests read them through the test API). */
  rows(): DefinitionRow[] {
    const result = this.definitions.lastResult();
    if (!result) return [];
    this.uris = definitionUris(result.files.keys());
    const record = this.plans.recordFile({}, this.uris);
    return definitionRows({
      groups: result.groups,
      findings: [...result.files.values()].flatMap((f) => f.findings),
      statusOf: (g) => this.plans.store.statusOf(g.metadata.name, definitionSignature(g, result.templates)),
      applied: record ? readAppliedRecord(record) : undefined,
    });
  }

  getChildren(element?: DefinitionRow): DefinitionRow[] {
    return element ? [] : this.rows();
  }

  getTreeItem(row: DefinitionRow): vscode.TreeItem {
    const item = new vscode.TreeItem(row.label, vscode.TreeItemCollapsibleState.None);
    item.description = row.description;
    item.tooltip = row.tooltip;
    item.iconPath = ICONS[row.state];
    item.contextValue = `pimDefinition.${row.state}`;
    const uri = this.uris[row.file];
    if (uri) {
      item.resourceUri = vscode.Uri.parse(uri);
      item.command = {
        title: 'Reveal Definition',
        command: COMMANDS.revealSource,
        arguments: [uri, row.range.start.line, row.range.start.character],
      };
    }
    return item;
  }

  dispose(): void {
    for (const s of this.subscriptions) s.dispose();
    this.changed.dispose();
  }
}
