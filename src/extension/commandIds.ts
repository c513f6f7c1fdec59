// Every command id the extension registers, in one table. package.json contributes each public one (with
// category "PIM Groups"); internal ones start with `_pimGroups.` and are hidden from the palette.
// The manifest test checks this table, the registrations and package.json agree.
export const COMMANDS = {
  newDefinitionFromUseCase: 'pimGroups.newDefinitionFromUseCase',
  validateWorkspace: 'pimGroups.validateWorkspace',
  showLog: 'pimGroups.showLog',
  // connection
  signIn: 'pimGroups.signIn',
  signOut: 'pimGroups.signOut',
  switchTenant: 'pimGroups.switchTenant',
  useSandbox: 'pimGroups.useSandbox',
  selectConnection: 'pimGroups.selectConnection',
} as const;

export type CommandId = (typeof COMMANDS)[keyof typeof COMMANDS];
