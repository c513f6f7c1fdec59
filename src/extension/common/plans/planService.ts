// Reads the tenant and plans the definitions of a scope through the lazily loaded engine (read → plan, as the
// CLI's plan command does), keeping the result in the PlanStore for Apply, CodeLens and the Definitions view.
import * as path from 'node:path';
import * as vscode from 'vscode';
import { APPLIED_RECORD_FILE } from '../../../plan/appliedRecord';
import { appliedRecordPath, readAppliedRecord } from '../../../plan/appliedRecordFile';
import type { Plan } from '../../../plan/model';
import type { ConnectionInfo } from '../connection';
import type { DefinitionsFeature } from '../definitionsFeature';
import { loadEngine } from '../../engine/engineLoader';
import type { ExtensionDeps } from '../deps';
import { definitionPathOf, definitionUris } from './definitionPaths';
import { PlanStore } from './planStore';
import {
  definitionSignature,
  PlanScope,
  scopeKey,
  scopeSignature,
  ScopedDefinitions,
  selectDefinitions,
} from './planScope';
import { planTarget } from './planTarget';
import { missingGrantOf } from '../permissionRefusal';

/** What to grant, as the permissions table names it (the row whose scopes the refusal lists), else as refused. */
function cannotCompareFor(missing: string): { needs: string; what?: string } {
  const row = loadEngine().readiness.needNamedBy(missing);
  if (!row) return { needs: missing };
  return { needs: (row.delegated.length ? row.delegated : row.application).join(' or '), what: row.what };
}

export interface ScopeSnapshot {
  scope: PlanScope;
  scoped: ScopedDefinitions;
  signature: string;
  /** Definition path → URI string. */
  fileUris: Record<string, string>;
}

export interface ComputedPlan extends ScopeSnapshot {
  /** Undefined when no definition in scope could be planned. */
  plan?: Plan;
  connection: ConnectionInfo;
}

/** A definition file named by a command's argument (a Uri, or a URI string such as the preview's Apply link). */
function fileArgument(arg: unknown): vscode.Uri | undefined {
  if (arg instanceof vscode.Uri) return arg;
  if (typeof arg === 'string' && arg !== 'workspace' && /^[a-z][\w+.-]*:/i.test(arg)) return vscode.Uri.parse(arg);
  return undefined;
}

export class PlanService {
  readonly store = new PlanStore();

  constructor(
    private readonly definitions: DefinitionsFeature,
    private readonly deps: ExtensionDeps,
  ) {}

  /**
   * The scope a command means: the definition file it was given, else the whole workspace. Never the active
   * editor's file: a view-title button or the palette always means the workspace ("Preview This File" is the
   * editor's own command, see fileScopeOf).
   */
  scopeOf(arg: unknown): PlanScope {
    const file = fileArgument(arg);
    return file ? { file: definitionPathOf(file) } : {};
  }

  /** "Preview This File": the file given (editor title, Explorer), else the active editor's definition file. */
  fileScopeOf(arg: unknown): PlanScope | undefined {
    const file = fileArgument(arg) ?? vscode.window.activeTextEditor?.document.uri;
    return file && this.definitions.trackedFiles().includes(definitionPathOf(file))
      ? { file: definitionPathOf(file) }
      : undefined;
  }

  /** The definitions of a scope as the editor shows them now (after pending validation). */
  async snapshot(scope: PlanScope): Promise<ScopeSnapshot> {
    await this.definitions.whenIdle();
    const result = this.definitions.lastResult();
    const findings = result ? [...result.files.values()].flatMap((f) => f.findings) : [];
    const scoped = selectDefinitions(
      { groups: result?.groups ?? [], templates: result?.templates ?? [], settings: result?.settings, findings },
      scope,
    );
    return { scope, scoped, signature: scopeSignature(scoped), fileUris: definitionUris(result?.files.keys() ?? []) };
  }

  /** Reads the tenant and plans; the result is remembered for the scope. */
  async compute(scope: PlanScope, signal?: AbortSignal): Promise<ComputedPlan> {
    const snap = await this.snapshot(scope);
    const connections = this.deps.connections;
    const transport = await connections.transport();
    const connection = connections.current()!;
    if (!snap.scoped.groups.length) return { ...snap, connection };
    const engine = loadEngine();
    const started = performance.now();
    const signatures = new Map(
      snap.scoped.groups.map((g) => [g.metadata.name, definitionSignature(g, snap.scoped.templates)]),
    );
    const state = await engine.graph
      .readActualState(transport, engine.plan.readScopeOf(snap.scoped), signal)
      .catch((error: unknown) => {
        // Refused for want of a permission: the Definitions view says so per definition, named from the table.
        const missing = missingGrantOf(error);
        if (missing) this.store.refused(signatures, cannotCompareFor(missing), new Date().toISOString());
        throw error;
      });
    const record = this.recordFile(scope, snap.fileUris);
    const target = planTarget(connection);
    const legacy = record && path.join(path.dirname(path.dirname(path.dirname(record))), APPLIED_RECORD_FILE);
    const lastApplied = record ? (readAppliedRecord(record, target) ?? readAppliedRecord(legacy!, target)) : undefined;
    const { plan } = engine.plan.buildPlan(snap.scoped, state, { target, lastApplied });
    this.deps.log.info(
      `Planned ${snap.scoped.groups.length} group(s) of ${scope.file ?? 'the workspace'} against ${plan.target} in ${(performance.now() - started).toFixed(0)} ms: ` +
        `${plan.summary.add} add, ${plan.summary.change} change, ${plan.summary.remove} remove, ${plan.summary.drift} drift, ${plan.summary.errors} errors`,
    );
    this.store.remember({ key: scopeKey(scope), plan, signature: snap.signature }, signatures);
    return { ...snap, plan, connection };
  }

  /**
   * Where the applied record of the connected tenant lives: .pim-groups/applied/<target>.json in the workspace
   * folder of the scope (as the CLI writes it for definitions rooted there).
   */
  recordFile(scope: PlanScope, fileUris: Record<string, string>): string | undefined {
    const uri = scope.file && fileUris[scope.file] ? vscode.Uri.parse(fileUris[scope.file]) : undefined;
    const folder = (uri && vscode.workspace.getWorkspaceFolder(uri)) ?? vscode.workspace.workspaceFolders?.[0];
    const connection = this.deps.connections.current();
    return folder?.uri.scheme === 'file' && connection
      ? appliedRecordPath(folder.uri.fsPath, planTarget(connection))
      : undefined;
  }
}
