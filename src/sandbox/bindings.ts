// Issue 5 endpoints (Intune RBAC, licences, Conditional Access, Teams) live here once written.
import type { Route } from './router';

export const bindingRoutes: Route[] = [];
