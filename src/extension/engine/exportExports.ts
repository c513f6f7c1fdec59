// Tenant → definitions (Import Group as Definition), through the lazily loaded engine chunk.
export { exportGroups, definitionName } from '../../export/exportGroups';
export type { ExportResult, ExportedGroup } from '../../export/exportGroups';
