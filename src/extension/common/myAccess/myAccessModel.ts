// My Access data shared by the view, the activation commands and the elevation status bar: read once, reused
// until the tenant changes (any write, another connection) or the view is refreshed.
import * as vscode from 'vscode';
import { Connections } from '../connection';
import type { TenantChanges } from '../tenantChanges';
import { loadEngine } from '../../engine/engineLoader';
import { MyAccess, readMyAccess } from './myAccessSource';

export class MyAccessModel implements vscode.Disposable {
  private current: Promise<MyAccess> | undefined;
  private readonly changed = new vscode.EventEmitter<void>();
  /** Fires when the data is stale (views re-read) and after each successful read. */
  readonly onDidChange = this.changed.event;
  private readonly loaded = new vscode.EventEmitter<MyAccess>();
  readonly onDidLoad = this.loaded.event;
  private readonly subscription: vscode.Disposable;

  constructor(
    private readonly connections: Connections,
    tenant: TenantChanges,
  ) {
    this.subscription = tenant.onDidChange(() => this.invalidate());
  }

  get(): Promise<MyAccess> {
    if (!this.current) {
      const reading = this.connections.transport().then((t) => readMyAccess(loadEngine(), t));
      this.current = reading;
      reading.then(
        (data) => this.loaded.fire(data),
        () => {
          if (this.current === reading) this.current = undefined;
        },
      );
    }
    return this.current;
  }

  /** The last read, if any, without reading. */
  async peek(): Promise<MyAccess | undefined> {
    try {
      return this.current ? await this.current : undefined;
    } catch {
      return undefined;
    }
  }

  invalidate(): void {
    this.current = undefined;
    this.changed.fire();
  }

  dispose(): void {
    this.subscription.dispose();
    this.changed.dispose();
    this.loaded.dispose();
  }
}
