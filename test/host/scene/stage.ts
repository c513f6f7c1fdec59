// What every picture of the scene starts from: the extension connected to the demo sandbox tenant as a chosen
// user, no notifications, no panel, and the side bar either hidden or at a width a reader can read.
import * as vscode from 'vscode';
import { pimGroups, type PimGroupsTestApi } from '../suite/extensionUnderTest';

export interface TreeItem {
  label: string;
  description?: string;
  contextValue?: string;
}
export type SceneApi = PimGroupsTestApi & {
  setSandboxCaller(upn: string, mfa?: boolean): Promise<unknown>;
  getTreeChildren(viewId: string, labelPath?: string[]): Promise<TreeItem[]>;
  getTreeNode(viewId: string, labelPath: string[]): Promise<unknown>;
  revealInTree(viewId: string, labelPath: string[], expand?: boolean): Promise<void>;
  getElevationStatus(): string | undefined;
};

let api: SceneApi | undefined;

/** The extension's test API, activated and connected to the sandbox as `upn`. */
export async function connectedAs(upn: string): Promise<SceneApi> {
  api ??= (await pimGroups().activate()) as unknown as SceneApi;
  await api.setSandboxCaller(upn);
  return api;
}

/** A clean window: no editors (unless `keepEditors`), no panel, no notifications. */
export async function cleanWindow(keepEditors = false): Promise<void> {
  if (!keepEditors) await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  await vscode.commands.executeCommand('workbench.action.closePanel');
  await vscode.commands.executeCommand('notifications.clearAll');
}

/** A bound for each picture's test: under load a workbench round trip can take many seconds. */
export const PICTURE_TIMEOUT_MS = 120000;

let widened = false;

/**
 * The PIM Groups side bar, shown with its views, wide enough for a group's policy summary and an assignment's time
 * left (480 px of the 1280 px window, the editor keeps the rest). The width outlives hiding and showing again.
 */
export async function showPimSideBar(): Promise<void> {
  await vscode.commands.executeCommand('workbench.view.extension.pimGroups');
  if (widened) return;
  widened = true;
  // Resizing acts on the editor whatever has focus: narrowing it by 60 px a step widens the side bar from 300 px.
  await vscode.commands.executeCommand('workbench.action.focusActiveEditorGroup');
  for (let i = 0; i < 3; i++) await vscode.commands.executeCommand('workbench.action.decreaseViewWidth');
}

export async function hideSideBar(): Promise<void> {
  await vscode.commands.executeCommand('workbench.action.closeSidebar');
}

export async function openExample(name: string): Promise<vscode.TextEditor> {
  const folder = vscode.workspace.workspaceFolders![0].uri;
  return vscode.window.showTextDocument(await vscode.workspace.openTextDocument(vscode.Uri.joinPath(folder, name)));
}
