// Whether the connection's host answers. The transport tells us at once when a local address refuses the
// connection (the sandbox is not running); the status bar then says "disconnected" and every failed command offers
// "Use the built-in sandbox" and "Retry". The first answer afterwards clears it.
import * as vscode from 'vscode';

export class Reachability implements vscode.Disposable {
  private refusedAt: string | undefined;
  private readonly emitter = new vscode.EventEmitter<void>();
  /** Fires when the host stops or starts answering. */
  readonly onDidChange = this.emitter.event;

  /** The origin that refused the connection, or undefined while it answers (or nothing was tried yet). */
  get refused(): string | undefined {
    return this.refusedAt;
  }

  /** What the transport heard from `origin`. */
  heard(state: 'refused' | 'answered', origin: string): void {
    const next = state === 'refused' ? origin : undefined;
    if (next === this.refusedAt) return;
    this.refusedAt = next;
    this.emitter.fire();
  }

  /** A new connection starts without a verdict (quietly: the connection's own change redraws everything). */
  reset(): void {
    this.refusedAt = undefined;
  }

  dispose(): void {
    this.emitter.dispose();
  }
}
