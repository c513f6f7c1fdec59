// One binding kind: everything pim-groups knows about one thing membership can grant, behind one interface. The
// reader, the planner, apply, the convergence check, export and the renderers iterate the registry of kinds
// (registry.ts), so none of them names a kind.
import type { Bindings, PathSegment, PimGroupDefinition } from '../definitions/model';
import type { GraphTransport } from '../graph/transport';
import type { BindingCatalog, BindingKind, GroupBindingState } from '../tenant/bindingsState';
import type { BindingDetail, BindingMark, BindingOpFields, BindingStep } from './model';

export type DetailOf<K extends BindingKind> = Extract<BindingDetail, { binding: K }>;
export type StepOf<K extends BindingKind> = BindingStep & { detail: DetailOf<K> };

/** A group whose bindings are read (only groups that exist have an id). */
export interface BindingReadTarget {
  key: string;
  id?: string;
  type?: 'security' | 'microsoft365';
}

/** One Graph read a kind adds to the shared `$batch` round. */
export interface BatchRead {
  version: 'v1.0' | 'beta';
  url: string;
  /** A 404 answer means "there is none" (not a failed read). */
  absentOn404?: boolean;
  use(body: unknown): void;
}

export interface ReadContext {
  t: GraphTransport;
  /** The groups in scope that exist; `groups` has an entry for each. */
  existing: BindingReadTarget[];
  azureScopes: string[];
  catalog: BindingCatalog;
  groups: Record<string, GroupBindingState>;
  signal?: AbortSignal;
}

export interface KindReads {
  batch: BatchRead[];
  /** Runs once every batched read has answered (or failed). */
  then?(): void;
  /** Reads outside Graph's `$batch` (ARM); a throw is recorded as this kind's read error. */
  other?(): Promise<void>;
}

/** What a kind's planner sees of one group, and how it reports. Paths are relative to the group's `bindings:`. */
export interface PlanContext {
  def: PimGroupDefinition;
  bindings: Bindings;
  catalog: BindingCatalog;
  actual: GroupBindingState;
  /** The group's id when it exists in the tenant. */
  groupId?: string;
  error(path: PathSegment[], message: string): void;
  warning(code: string, path: PathSegment[], message: string): void;
  /** True (and a plan error) when this kind could not be read from the tenant. */
  readFailed(): boolean;
  op(
    id: string,
    action: BindingOpFields['action'],
    detail: BindingDetail,
    summary: string,
    before: string | null,
    after: string | null,
    path: PathSegment[],
    marks?: BindingMark[],
  ): void;
  /** One line of what membership grants (the group's blast radius). */
  grant(text: string): void;
}

export interface BindingKindSpec<K extends BindingKind = BindingKind> {
  kind: K;
  /** Its key under a definition's `bindings:`; a kind the file leaves out is not managed. */
  field: keyof Bindings;
  /** Azure scopes the file names (only kinds on ARM). */
  scopesOf?(b: Bindings): string[];
  read(ctx: ReadContext): KindReads;
  plan(ctx: PlanContext): void;
  apply(t: GraphTransport, step: StepOf<K>, groupId: string): Promise<void>;
  /** Whether what the step creates (or removes) is there in a fresh read. */
  present(step: StepOf<K>, group: GroupBindingState): boolean;
  /** The group's entries of this kind as a definition writes them (empty when none). */
  export(group: GroupBindingState, catalog: BindingCatalog): Partial<Bindings>;
  /** Extra lines under the step in the text and Markdown plans. */
  notes(step: StepOf<K>): string[];
}

/** Any one of the kinds (a union, so each keeps its own step type). */
export type AnyBindingKindSpec = { [K in BindingKind]: BindingKindSpec<K> }[BindingKind];
