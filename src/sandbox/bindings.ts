// Issue-5 endpoints: what a PIM-enabled group grants (Intune RBAC, licences, Conditional Access, Teams).
import type { Route } from './router';
import { intuneRoutes } from './intune';
import { licensingRoutes } from './licensing';
import { conditionalAccessRoutes } from './conditionalAccess';
import { teamRoutes } from './teams';

export const bindingRoutes: Route[] = [...intuneRoutes, ...licensingRoutes, ...conditionalAccessRoutes, ...teamRoutes];
