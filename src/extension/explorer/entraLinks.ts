// Links into the Microsoft Entra admin center, per cloud. Pure: no `vscode`.
//
// The group's overview blade (Microsoft_AAD_IAM/GroupDetailsMenuBlade) is the deep link the admin center itself
// puts in the address bar and which other tools link to; its menu has the group's "Privileged Identity
// Management" page. The PIM blade's own URL shape for groups is not documented (UNCONFIRMED), so we do not guess it.
const ADMIN_CENTER: Record<string, string> = {
  global: 'https://entra.microsoft.com',
  usgov: 'https://entra.microsoft.us',
  usgovdod: 'https://entra.microsoft.us',
  china: 'https://entra.microsoftonline.cn',
};

export function entraGroupUrl(groupId: string, cloud: string): string {
  const host = ADMIN_CENTER[cloud] ?? ADMIN_CENTER.global;
  return `${host}/#view/Microsoft_AAD_IAM/GroupDetailsMenuBlade/~/Overview/groupId/${encodeURIComponent(groupId)}`;
}
