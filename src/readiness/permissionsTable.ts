// The permissions table of docs/permissions.md, rendered from the data the readiness check uses (permissions.ts).
// A unit test keeps the page equal to this rendering: change the data, then paste the new table between the markers.
import { PERMISSION_NEEDS, PermissionNeed } from './permissions';
import { editorSignInScopes } from './signInScopes';

export const TABLE_START = '<!-- permissions table: generated from src/readiness/permissions.ts -->';
export const TABLE_END = '<!-- end of the generated permissions table -->';

const code = (names: string[]) => (names.length ? names.map((n) => `\`${n}\``).join(', ') : 'not possible');

function usedBy(n: PermissionNeed): string {
  const commands = n.commands.join(', ');
  const kind = n.kind ? ` (definitions with \`${n.kind}\` bindings)` : '';
  return `${commands}${kind}${n.optional ? '; optional' : ''}${n.notAtSignIn ? "; not asked at the editor's sign-in" : ''}`;
}

export function renderPermissionsTable(): string {
  return [
    TABLE_START,
    '| what | delegated (any one) | application (any one) | needed by |',
    '|---|---|---|---|',
    ...PERMISSION_NEEDS.map((n) => `| ${n.what} | ${code(n.delegated)} | ${code(n.application)} | ${usedBy(n)} |`),
    '',
    `The editor's sign-in asks for ${code(editorSignInScopes())}: one permission of each row but those marked otherwise.`,
    TABLE_END,
  ].join('\n');
}
