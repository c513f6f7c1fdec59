// Export as Definition (Groups view): the engine's exporter turns the tenant group into a PimGroup document, which
// opens as an untitled YAML document or is written as <name>.pim.yaml into a workspace folder.
import * as vscode from 'vscode';
import { Connections } from '../common/connection';
import { loadEngine } from '../engine/engineLoader';
import { UserFacingError } from '../infrastructure/errors';
import { UserInput } from '../infrastructure/userInput';
import { GroupNode } from './groupNodes';
import { uriExists } from '../common/uriExists';

export async function exportGroupAsDefinition(
  node: GroupNode,
  connections: Connections,
  ui: UserInput,
): Promise<vscode.Uri> {
  const engine = loadEngine();
  const t = await connections.transport();
  const result = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: `Exporting ${node.displayName}…` },
    () => engine.exporter.exportGroups(t, { names: [node.groupId] }),
  );
  const exported = result.groups[0];
  if (!exported)
    throw new UserFacingError(
      `The group ${node.displayName} could not be exported: ${[...result.notFound, ...result.warnings].join(' ') || 'not found'}.`,
    );
  const fileName = `${engine.exporter.definitionName(exported.name)}.pim.yaml`;

  const folder = vscode.workspace.workspaceFolders?.[0];
  const target = folder && vscode.Uri.joinPath(folder.uri, fileName);
  const where = target
    ? await ui.pick(
        [
          { label: `Save as ${fileName}`, description: folder.name, value: 'file' as const },
          { label: 'Open as an untitled document', value: 'untitled' as const },
        ],
        { title: `Export ${node.displayName} as Definition`, placeholder: 'Where should the definition go?' },
      )
    : { value: 'untitled' as const };

  if (where.value === 'file' && target) {
    if (await uriExists(target)) {
      await ui.confirm({
        message: `${vscode.workspace.asRelativePath(target)} exists. Replace it?`,
        confirmLabel: 'Replace',
        modal: true,
      });
    }
    await vscode.workspace.fs.writeFile(target, Buffer.from(exported.text, 'utf8'));
    await vscode.window.showTextDocument(target);
    return target;
  }
  const document = await vscode.workspace.openTextDocument({ language: 'yaml', content: exported.text });
  await vscode.window.showTextDocument(document);
  return document.uri;
}
