// Import Group as Definition: a tenant group (the id given, or one picked from the PIM-enabled groups) written
// as <name>.pim.yaml by the engine's exporter (the same as `pim-groups export`), then opened.
import * as vscode from 'vscode';
import { COMMANDS } from '../commandIds';
import { loadEngine } from '../engine/engineLoader';
import type { ExtensionDeps } from '../common/deps';
import { UserFacingError } from '../infrastructure/errors';
import { definitionFileName, groupIdOf } from './importTarget';
import { pimGroupPicks } from './pimGroupPicks';
import { uriExists } from '../common/uriExists';

export function registerImportGroup(deps: ExtensionDeps): void {
  deps.commands.register(COMMANDS.importGroup, async (arg?: unknown): Promise<vscode.Uri> => {
    const folder = vscode.workspace.workspaceFolders?.[0];
    if (!folder) throw new UserFacingError('Open a folder first: the definition is written into the workspace.');
    const transport = await deps.connections.transport();
    const engine = loadEngine();
    let groupId = groupIdOf(arg);
    if (!groupId) {
      const picks = await vscode.window.withProgress(
        { location: vscode.ProgressLocation.Window, title: 'Listing PIM-enabled groups…' },
        () => pimGroupPicks(engine, transport),
      );
      if (!picks.length) throw new UserFacingError('The tenant has no PIM-enabled groups to import.');
      groupId = (
        await deps.ui.pick(picks, { title: 'Import Group as Definition', placeholder: 'Which PIM-enabled group?' })
      ).value;
    }
    const result = await engine.exporter.exportGroups(transport, { names: [groupId] });
    for (const w of result.warnings) deps.log.warn(`import: ${w}`);
    const exported = result.groups[0];
    if (!exported) throw new UserFacingError(`No group ${groupId} in the tenant.`);
    const uri = vscode.Uri.joinPath(folder.uri, definitionFileName(exported.name));
    if (await uriExists(uri)) {
      await deps.ui.confirm({
        message: `${vscode.workspace.asRelativePath(uri)} already exists. Replace it with the tenant's ${exported.definition.group.displayName}?`,
        confirmLabel: 'Replace',
        modal: true,
      });
    }
    await vscode.workspace.fs.writeFile(uri, Buffer.from(exported.text, 'utf8'));
    await vscode.window.showTextDocument(uri);
    if (result.warnings.length)
      void vscode.window
        .showWarningMessage(
          `Imported ${exported.definition.group.displayName} with ${result.warnings.length} warning(s): ${result.warnings[0]}`,
          'Show Log',
        )
        .then((c) => {
          if (c) deps.log.show();
        });
    deps.log.info(`Imported ${exported.groupId} as ${uri.toString()}`);
    return uri;
  });
}
