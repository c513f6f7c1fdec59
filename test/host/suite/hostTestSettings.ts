// What the harness tells the suite, through the workspace copy's .vscode/settings.json (the URL payload has no
// environment): pimGroupsHostTest.{grep, screenshots, handshakeDir}, and pimGroups.sandbox.url for the tenant.
// Under @vscode/test-electron none of these is set, and the suite runs without screenshots.
import * as vscode from 'vscode';

export function hostTestSetting<T>(key: 'grep' | 'screenshots' | 'handshakeDir'): T | undefined {
  return vscode.workspace.getConfiguration('pimGroupsHostTest').get<T>(key);
}

export function sandboxUrl(): string | undefined {
  return vscode.workspace.getConfiguration('pimGroups').get<string>('sandbox.url') || undefined;
}
