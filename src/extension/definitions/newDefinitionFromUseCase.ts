// "PIM Groups: New Definition from Use Case…": pick a use case, name it, get `<name>.pim.yaml` filled from the
// use case's snippet (every placeholder at its default), opened in an editor. Without a folder: an untitled file.
import * as vscode from 'vscode';
import { UserInput } from '../infrastructure/userInput';
import { USE_CASE_TEMPLATES, checkDefinitionName, definitionText, suggestedName } from './useCaseCatalog';
import { uriExists } from '../common/uriExists';

const TITLE = 'New Definition from Use Case';

/** Returns the URI of the created (or untitled) document. `target` is the explorer item it was invoked on. */
export async function newDefinitionFromUseCase(ui: UserInput, target?: vscode.Uri): Promise<vscode.Uri> {
  const { value: template } = await ui.pick(
    USE_CASE_TEMPLATES.map((t) => ({ label: t.label, description: t.description, detail: t.detail, value: t })),
    { title: TITLE, placeholder: 'What is the group for?' },
  );
  const folder = await chooseFolder(ui, target);
  const name = await ui.input({
    title: TITLE,
    prompt: folder ? 'Name of the definition, also its file name (<name>.pim.yaml)' : 'Name of the definition',
    value: suggestedName(template),
    validate: checkDefinitionName,
  });
  const text = definitionText(template, name);

  if (!folder) {
    const document = await vscode.workspace.openTextDocument({ language: 'yaml', content: text });
    await vscode.window.showTextDocument(document, { preview: false });
    return document.uri;
  }
  const uri = vscode.Uri.joinPath(folder, `${name}.pim.yaml`);
  if (await uriExists(uri)) {
    await ui.confirm({
      message: `${vscode.workspace.asRelativePath(uri)} already exists. Replace it?`,
      detail: 'Its current content will be lost.',
      confirmLabel: 'Replace',
    });
  }
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
  await vscode.window.showTextDocument(uri, { preview: false });
  return uri;
}

/** The explorer folder it was invoked on, the only workspace folder, or one the user picks; none without a folder. */
async function chooseFolder(ui: UserInput, target?: vscode.Uri): Promise<vscode.Uri | undefined> {
  if (target) {
    const stat = await vscode.workspace.fs.stat(target).then(
      (s) => s,
      () => undefined,
    );
    if (stat) return stat.type & vscode.FileType.Directory ? target : vscode.Uri.joinPath(target, '..');
  }
  const folders = vscode.workspace.workspaceFolders ?? [];
  if (folders.length <= 1) return folders[0]?.uri;
  const { value } = await ui.pick(
    folders.map((f) => ({ label: f.name, description: f.uri.fsPath, value: f.uri })),
    { title: TITLE, placeholder: 'Which workspace folder?' },
  );
  return value;
}
