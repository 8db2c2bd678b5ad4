/**
 * How a route is guarded. Each module declares its routes in one policy file; a route missing from
 * every policy file is refused (deny by default), and a test fails the build for it.
 */
export type RoutePolicy =
  | { kind: 'public' }
  | { kind: 'authenticated' }
  | { kind: 'permission'; permission: string };

export const publicRoute: RoutePolicy = { kind: 'public' };
export const authenticated: RoutePolicy = { kind: 'authenticated' };
export const can = (permission: string): RoutePolicy => ({ kind: 'permission', permission });

/** Keys are `METHOD /url` exactly as the route is registered, e.g. `GET /api/users/:id`. */
export type ModulePolicy = Record<string, RoutePolicy>;
