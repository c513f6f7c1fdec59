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
  // Groups view
  groupsRefresh: 'pimGroups.refreshGroups',
  groupsFilter: 'pimGroups.filterGroups',
  groupsClearFilter: 'pimGroups.clearGroupsFilter',
  groupsLoadMore: '_pimGroups.loadMoreGroups',
  groupsExportDefinition: 'pimGroups.exportGroupDefinition',
  groupsOpenInEntra: 'pimGroups.openGroupInEntra',
  groupsRevealDefinition: 'pimGroups.revealGroupDefinition',
  groupsShowHistory: 'pimGroups.showGroupHistory',
  copyObjectId: 'pimGroups.copyObjectId',
  copyPrincipalName: 'pimGroups.copyPrincipalName',
  updateAssignment: 'pimGroups.updateAssignment',
  extendAssignment: 'pimGroups.extendAssignment',
  renewAssignment: 'pimGroups.renewAssignment',
  removeAssignment: 'pimGroups.removeAssignment',
  assignmentDetails: '_pimGroups.assignmentDetails',
  treeRetry: '_pimGroups.retryTreeItem',
  // My Access and activation
  myAccessRefresh: 'pimGroups.refreshMyAccess',
  myAccessDefaultAction: '_pimGroups.myAccessDefaultAction',
  activateMembership: 'pimGroups.activateMembership',
  deactivateMembership: 'pimGroups.deactivateMembership',
  extendMembership: 'pimGroups.extendMembership',
  cancelRequest: 'pimGroups.cancelRequest',
  approveRequest: 'pimGroups.approveRequest',
  denyRequest: 'pimGroups.denyRequest',
  // preview, apply, diff, import
  previewChanges: 'pimGroups.previewChanges',
  previewFile: 'pimGroups.previewFile',
  applyChanges: 'pimGroups.applyChanges',
  diffWithTenant: 'pimGroups.diffWithTenant',
  importGroup: 'pimGroups.importGroup',
  // readiness
  checkReadiness: 'pimGroups.checkReadiness',
  revealSource: '_pimGroups.revealSource',
} as const;

export type CommandId = (typeof COMMANDS)[keyof typeof COMMANDS];
