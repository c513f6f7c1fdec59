// The Graph layer as the extension sees it (through the lazily loaded engine chunk).
export { GraphTransport } from '../../graph/transport';
export { getByIds } from '../../graph/api/directoryObjects';
export { paths } from '../../graph/api/paths';
export type { GraphTransportOptions } from '../../graph/transport';
export { cloudEndpoints, graphScope, CLOUDS } from '../../graph/clouds';
export type { Cloud } from '../../graph/clouds';
export { formatLogEntry, redactingLogger } from '../../graph/log';
export type { GraphLogEntry, GraphLogger } from '../../graph/log';
export { readActualState } from '../../tenant/readTenant';
export { listOnboardedGroupIds } from '../../tenant/onboarded';
export type { ActualState, ActualGroup } from '../../tenant/actualState';
export { searchPrincipals } from '../../tenant/directorySearch';
export type { PrincipalHit, PrincipalPage } from '../../tenant/directorySearch';
export { resolveDirectory } from '../../tenant/resolveDirectory';
export { groupOf } from '../../tenant/convert';
export { readScheduleOrigins } from '../../tenant/scheduleOrigins';
export type { ScheduleOrigin } from '../../tenant/scheduleOrigins';
