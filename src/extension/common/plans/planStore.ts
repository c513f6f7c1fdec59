// The last plan per scope and what it said about each group, so Apply can run exactly the plan that was
// previewed, and CodeLens and the Definitions view can show drift without reading the tenant on every keystroke.
// A stored result counts only while the definitions it was computed from are unchanged (same signature).
// Pure: no `vscode`.
import type { Plan } from '../../../plan/model';

export interface GroupPlanStatus {
  /** Operations the plan has for the group (0: in sync). */
  changes: number;
  /** Of those, the ones that undo a change made in the tenant. */
  drift: number;
  /** The definition signature the status was computed for (planScope.ts definitionSignature). */
  signature: string;
  at: string;
  /** The tenant read was refused for want of a permission: what to grant, and what it is for. */
  cannotCompare?: { needs: string; what?: string };
}

export interface StoredPlan {
  key: string;
  plan: Plan;
  signature: string;
}

export class PlanStore {
  private readonly plans = new Map<string, StoredPlan>();
  private readonly groups = new Map<string, GroupPlanStatus>();
  private readonly listeners = new Set<() => void>();

  /** Remembers a computed plan; `signatures` maps each planned group's key to its definition signature. */
  remember(stored: StoredPlan, signatures: ReadonlyMap<string, string>): void {
    this.plans.set(stored.key, stored);
    for (const g of stored.plan.groups) {
      const signature = signatures.get(g.key);
      if (signature === undefined) continue;
      const drift = g.operations.filter((o) => o.marks.includes('drift')).length;
      this.groups.set(g.key, { changes: g.operations.length, drift, signature, at: stored.plan.createdAt });
    }
    this.changed();
  }

  /** The stored plan of a scope, when the definitions still have the signature it was computed for. */
  planFor(key: string, signature: string): Plan | undefined {
    const stored = this.plans.get(key);
    return stored && stored.signature === signature ? stored.plan : undefined;
  }

  /** What the last plan said about a group, when its definition is unchanged since. */
  statusOf(groupKey: string, signature: string): GroupPlanStatus | undefined {
    const status = this.groups.get(groupKey);
    return status && status.signature === signature ? status : undefined;
  }

  /**
   * A plan that could not read the tenant for want of a permission: its groups cannot be compared until it is
   * granted (a later plan replaces this, as any plan replaces the last one).
   */
  refused(signatures: ReadonlyMap<string, string>, cannotCompare: { needs: string; what?: string }, at: string): void {
    for (const [key, signature] of signatures)
      this.groups.set(key, { changes: 0, drift: 0, signature, at, cannotCompare });
    this.changed();
  }

  /** After an apply (whatever its result) no stored plan of the scope may be applied again. */
  forget(key: string): void {
    this.plans.delete(key);
    this.changed();
  }

  /** After a converged apply: the applied groups are in sync with their definitions. */
  markInSync(groupKeys: readonly string[], at: string): void {
    for (const key of groupKeys) {
      const status = this.groups.get(key);
      if (status) this.groups.set(key, { ...status, changes: 0, drift: 0, at });
    }
    this.changed();
  }

  onDidChange(listener: () => void): { dispose(): void } {
    this.listeners.add(listener);
    return {
      dispose: () => {
        this.listeners.delete(listener);
      },
    };
  }

  private changed(): void {
    for (const l of this.listeners) l();
  }
}
