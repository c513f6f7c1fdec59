// The test API (prompt answers, sandbox caller, simulated distrust) exists only when VS Code runs the extension for
// its tests (extensionMode Test: the host harness passes extensionTestsPath). An installed extension, or one being
// debugged, returns nothing from activate(): another extension in the same host must not be able to script a
// confirmation and run Apply against the signed-in tenant.
import * as vscode from 'vscode';

export function isTestMode(mode: vscode.ExtensionMode): boolean {
  return mode === vscode.ExtensionMode.Test;
}

/** `build()` in test mode, else undefined (and `build` is never called). */
export function testApiFor<T>(mode: vscode.ExtensionMode, build: () => T): T | undefined {
  return isTestMode(mode) ? build() : undefined;
}
