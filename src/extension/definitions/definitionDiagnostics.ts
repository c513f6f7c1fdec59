// Publishes the workspace's findings as diagnostics (collection "pim-groups"), re-validating the whole set
// 250 ms after the last change. The definitions module (yaml, ajv) is loaded on the first validation, not in
// activate(). Runs never overlap: a request during a run queues exactly one more run.
import * as vscode from 'vscode';
import type { ParseCache } from '../../definitions';
import { Finding } from '../../definitions/model';
import { Log } from '../infrastructure/log';
import { Debouncer } from './debouncer';
import { DefinitionFileSet } from './definitionFileSet';
import { DIAGNOSTIC_COLLECTION, toDiagnosticSpec } from './findingMapping';
import { toDiagnostic } from './vscodeConversions';
import { ValidatedFile, ValidationResult, validateFiles } from './workspaceValidation';

export const VALIDATION_DELAY_MS = 250;

export class DefinitionDiagnostics implements vscode.Disposable {
  private readonly collection = vscode.languages.createDiagnosticCollection(DIAGNOSTIC_COLLECTION);
  private readonly debouncer = new Debouncer(VALIDATION_DELAY_MS, () => void this.validateNow());
  private validated = new Map<string, ValidatedFile>();
  private readonly published = new Map<string, string>();
  private latest: ValidationResult | undefined;
  private readonly validatedEmitter = new vscode.EventEmitter<ValidationResult>();
  /** Fires after each validation run, with every file's findings and the typed definitions (for views, CodeLens). */
  readonly onDidValidate = this.validatedEmitter.event;
  private running: Promise<void> | undefined;
  private queued: Promise<void> | undefined;
  private scanDone = false;
  private idleWaiters: (() => void)[] = [];
  /** Re-parses only the files whose text changed since the last run. */
  private cache: ParseCache | undefined;

  constructor(
    private readonly files: DefinitionFileSet,
    private readonly log: Log,
  ) {}

  /** A file changed: validate once typing pauses. */
  schedule(): void {
    this.debouncer.schedule();
  }

  /** The first workspace scan finished (diagnostics before it may miss cross-file context). */
  markScanDone(): void {
    this.scanDone = true;
    this.schedule();
  }

  /** Validates now; resolves when the diagnostics reflect every change made before the call. */
  validateNow(): Promise<void> {
    this.debouncer.cancel();
    if (this.running) {
      // The run in progress may have read the files before the change: one more run follows it.
      this.queued ??= this.running.then(() => {
        this.queued = undefined;
        return this.validateNow();
      });
      return this.queued;
    }
    this.running = this.run().finally(() => {
      this.running = undefined;
      this.notifyIfIdle();
    });
    return this.running;
  }

  /** The findings last published for `key`, or undefined when they are older than the editor's `version`. */
  findingsFor(key: string, version?: number): Finding[] | undefined {
    const file = this.validated.get(key);
    if (!file || (version !== undefined && file.version !== undefined && file.version !== version)) return undefined;
    return file.findings;
  }

  /** The last validation run's result, if any ran yet. */
  get lastResult(): ValidationResult | undefined {
    return this.latest;
  }

  /** Resolves once the first scan is done and no validation is scheduled or running (host tests wait on it). */
  whenIdle(): Promise<void> {
    return new Promise((resolve) => {
      this.idleWaiters.push(resolve);
      this.notifyIfIdle();
    });
  }

  dispose(): void {
    this.debouncer.cancel();
    this.collection.dispose();
    this.validatedEmitter.dispose();
    for (const resolve of this.idleWaiters.splice(0)) resolve();
  }

  private get idle(): boolean {
    return this.scanDone && !this.running && !this.queued && !this.debouncer.pending;
  }

  private notifyIfIdle(): void {
    if (this.idle) for (const resolve of this.idleWaiters.splice(0)) resolve();
  }

  private async run(): Promise<void> {
    const started = performance.now();
    try {
      const definitions = await import('../../definitions');
      this.cache ??= new definitions.ParseCache();
      const result = validateFiles(this.files.snapshot(), definitions.loadWorkspace, { cache: this.cache });
      for (const finding of result.unplaced)
        this.log.warn(`A finding names an untracked file ${finding.file}: ${finding.code} ${finding.message}`);
      this.publish(result.files);
      this.latest = result;
      const count = [...result.files.values()].reduce((n, f) => n + f.findings.length, 0);
      this.log.debug(
        `Validated ${result.files.size} definition files (${result.groups.length} groups, ${result.templates.length} templates): ${count} findings in ${(performance.now() - started).toFixed(1)} ms`,
      );
      this.validatedEmitter.fire(result);
    } catch (error) {
      // loadWorkspace never throws by contract; if it does, keep the last diagnostics and say so in the log.
      this.log.error('Validating the definitions failed', error);
    }
  }

  /** Sends only the files whose diagnostics changed: typing in one file must not repaint fifty. */
  private publish(files: Map<string, ValidatedFile>): void {
    for (const key of this.validated.keys()) {
      if (!files.has(key)) {
        this.collection.delete(vscode.Uri.parse(key));
        this.published.delete(key);
      }
    }
    for (const [key, file] of files) {
      const specs = file.findings.map(toDiagnosticSpec);
      const signature = JSON.stringify(specs);
      if (this.published.get(key) === signature) continue;
      this.collection.set(vscode.Uri.parse(key), specs.map(toDiagnostic));
      this.published.set(key, signature);
    }
    this.validated = files;
  }
}
