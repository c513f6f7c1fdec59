// Whether a file or folder exists at a URI, on any file system VS Code knows (local, remote, virtual).
import * as vscode from 'vscode';

export async function uriExists(uri: vscode.Uri): Promise<boolean> {
  return vscode.workspace.fs.stat(uri).then(
    () => true,
    () => false,
  );
}
