// The active elevation in the status bar ("$(unlock) PIM-Intune-Helpdesk · 3 h 20 min left"), refreshed every
// 30 seconds while one is active, with a warning notification 10 minutes before it ends.
import * as vscode from 'vscode';
import type { Membership } from '../../activation';
import { timeLeft } from '../../time';
import { MyAccessModel } from '../common/myAccess/myAccessModel';
import { MyAccess, isSelfActivated } from '../common/myAccess/myAccessSource';
import { WARN_BEFORE_MS, elevationWarning } from './elevationWarning';

const TICK_MS = 30_000;

export class ElevationStatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('pimGroups.elevation', vscode.StatusBarAlignment.Left, 49);
  private readonly subscriptions: vscode.Disposable[] = [];
  private timer: NodeJS.Timeout | undefined;
  private elevation: Membership | undefined;
  private readonly warned = new Set<string>();
  /** The last "ends in …" warning shown (host tests). */
  lastWarning: string | undefined;

  constructor(
    private readonly model: MyAccessModel,
    private readonly extendCommand: string,
  ) {
    this.item.name = 'PIM Groups active elevation';
    this.subscriptions.push(model.onDidLoad((data) => this.update(data)));
  }

  /** What the item shows now (host tests), or undefined when hidden. */
  text(): string | undefined {
    return this.elevation ? this.item.text : undefined;
  }

  private update(data: MyAccess): void {
    const active = data.active
      .filter((m) => isSelfActivated(m) && m.end)
      .sort((a, b) => Date.parse(a.end!) - Date.parse(b.end!));
    this.elevation = active[0];
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    if (!this.elevation) {
      this.item.hide();
      return;
    }
    this.item.command = { command: 'workbench.view.extension.pimGroups', title: 'Show My Access' };
    this.tick(active.length);
    this.timer = setInterval(() => this.tick(active.length), TICK_MS);
  }

  private tick(count: number): void {
    const e = this.elevation!;
    const msLeft = Date.parse(e.end!) - Date.now();
    if (msLeft <= 0) {
      this.model.invalidate();
      void this.model.get().catch(() => undefined);
      return;
    }
    const more = count > 1 ? ` (+${count - 1})` : '';
    this.item.text = `$(unlock) ${e.groupName} · ${timeLeft(e.end)}${more}`;
    this.item.tooltip = `Active ${e.role} of ${e.groupName} until ${new Date(e.end!).toLocaleString()}`;
    this.item.backgroundColor =
      msLeft <= WARN_BEFORE_MS ? new vscode.ThemeColor('statusBarItem.warningBackground') : undefined;
    this.item.show();
    const key = `${e.groupId}:${e.role}:${e.end}`;
    const warning = elevationWarning({ groupName: e.groupName, role: e.role, end: e.end! });
    if (warning && !this.warned.has(key)) {
      this.warned.add(key);
      this.lastWarning = warning;
      void vscode.window.showWarningMessage(this.lastWarning, 'Extend…').then((chosen) => {
        if (chosen) void vscode.commands.executeCommand(this.extendCommand, { groupId: e.groupId, role: e.role });
      });
    }
  }

  dispose(): void {
    if (this.timer) clearInterval(this.timer);
    this.subscriptions.forEach((s) => s.dispose());
    this.item.dispose();
  }
}
