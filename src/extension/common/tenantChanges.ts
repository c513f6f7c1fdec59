// One refresh path for everything that shows the tenant: after any write (apply, activation, approval) the writer
// says so here, and a new connection counts as a change too. Every view, the open plan preview and open tenant
// documents listen to this one event, so none can go on showing the tenant as it was.
import * as vscode from 'vscode';
import type { Connections } from './connection';

export type TenantChangeCause = 'connection' | 'apply' | 'activation' | 'approval' | 'assignment change';

export interface TenantChange {
  cause: TenantChangeCause;
}

export class TenantChanges implements vscode.Disposable {
  private readonly emitter = new vscode.EventEmitter<TenantChange>();
  readonly onDidChange = this.emitter.event;
  private readonly subscription: vscode.Disposable;
  private count = 0;

  constructor(connections: Pick<Connections, 'onDidChange'>) {
    this.subscription = connections.onDidChange(() => this.fire({ cause: 'connection' }));
  }

  /** A command wrote to the tenant (whatever the outcome: a partial write is a write). */
  wrote(cause: Exclude<TenantChangeCause, 'connection'>): void {
    this.fire({ cause });
  }

  /** How many changes were announced so far (host tests wait for a refresh by this number). */
  get changes(): number {
    return this.count;
  }

  private fire(change: TenantChange): void {
    this.count += 1;
    this.emitter.fire(change);
  }

  dispose(): void {
    this.subscription.dispose();
    this.emitter.dispose();
  }
}
