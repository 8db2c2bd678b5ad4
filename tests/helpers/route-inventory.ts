import { randomUUID } from 'node:crypto';
import type { FastifySchema } from 'fastify';
import type { z } from 'zod';
import { hasPermission, ROLES, type Role } from '../../src/domain/auth/roles.js';
import { policyFor } from '../../src/server/policies/index.js';
import type { RoutePolicy } from '../../src/server/policies/policy.js';
import { asStrings, isZodSchema, validSamples } from './schema-arbitrary.js';

/**
 * The API as registered at run time: every /api route with its policy and zod schemas. Security
 * checks iterate over this list, so a route added later is covered without editing them.
 */
export interface ApiRoute {
  method: string;
  url: string;
  /** `METHOD /url`, the policy key. */
  key: string;
  policy: RoutePolicy | undefined;
  params?: z.ZodType;
  querystring?: z.ZodType;
  body?: z.ZodType;
  /** Response schemas by status code ('200', '201', '2xx', 'default' …). */
  response: Record<string, z.ZodType>;
  stateChanging: boolean;
}

export const STATE_CHANGING_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export interface RegisteredRoute {
  method: string;
  url: string;
  schema?: FastifySchema;
}

export function apiRoutes(registered: readonly RegisteredRoute[]): ApiRoute[] {
  const seen = new Map<string, ApiRoute>();
  for (const r of registered) {
    if (!r.url.startsWith('/api/') && r.url !== '/api') continue;
    const key = `${r.method} ${r.url}`;
    if (seen.has(key)) continue;
    const schema = r.schema ?? {};
    const response: Record<string, z.ZodType> = {};
    if (schema.response && typeof schema.response === 'object') {
      for (const [status, s] of Object.entries(schema.response)) if (isZodSchema(s)) response[status] = s;
    }
    const query = schema.querystring;
    seen.set(key, {
      method: r.method,
      url: r.url,
      key,
      policy: policyFor(r.method, r.url),
      params: isZodSchema(schema.params) ? schema.params : undefined,
      querystring: isZodSchema(query) ? query : undefined,
      body: isZodSchema(schema.body) ? schema.body : undefined,
      response,
      stateChanging: STATE_CHANGING_METHODS.has(r.method),
    });
  }
  return [...seen.values()].sort((a, b) => a.key.localeCompare(b.key));
}

/** The names of a URL's path parameters (`:id`, `:year`) and `*` for a wildcard. */
export function pathParamNames(url: string): string[] {
  const names: string[] = [];
  for (const segment of url.split('/')) {
    const match = /^:([A-Za-z0-9_]+)/.exec(segment);
    if (match) names.push(match[1]);
    else if (segment === '*') names.push('*');
  }
  return names;
}

/** Puts the given (already decoded) values into the URL, percent-encoded. */
export function fillPath(url: string, params: Record<string, string>, encode: (v: string) => string = encodeURIComponent): string {
  return url
    .split('/')
    .map((segment) => {
      const match = /^:([A-Za-z0-9_]+)/.exec(segment);
      if (match) return encode(params[match[1]] ?? 'x');
      if (segment === '*') return encode(params['*'] ?? 'x');
      return segment;
    })
    .join('/');
}

/** Path values the route's params schema accepts (a random UUID for `:id`, a year for `:year` …). */
export function validParams(route: ApiRoute, seed: number): Record<string, string> {
  const names = pathParamNames(route.url);
  if (names.length === 0) return {};
  if (route.params) {
    const [sample] = validSamples(route.params, 1, seed, asStrings);
    if (sample) return sample as Record<string, string>;
  }
  return Object.fromEntries(names.map((n) => [n, n === '*' ? 'x' : randomUUID()]));
}

export function validQuery(route: ApiRoute, seed: number): Record<string, string | string[]> {
  if (!route.querystring) return {};
  const [sample] = validSamples(route.querystring, 1, seed, asStrings);
  return (sample as Record<string, string | string[]> | undefined) ?? {};
}

export function validBody(route: ApiRoute, seed: number): unknown {
  if (!route.body) return undefined;
  const [sample] = validSamples(route.body, 1, seed);
  return sample ?? {};
}

export function queryString(query: Record<string, string | string[]>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) for (const v of [value].flat()) search.append(key, v);
  const text = search.toString();
  return text ? `?${text}` : '';
}

/** What the policy layer must do for this caller: refuse the anonymous, refuse a role without the permission, or let it through. */
export type PolicyOutcome = 'unauthenticated' | 'forbidden' | 'passed';

export function expectedOutcome(policy: RoutePolicy | undefined, role: Role | null): PolicyOutcome {
  if (!policy) return 'forbidden'; // deny by default, before the session is even looked at
  if (policy.kind === 'public') return 'passed';
  if (!role) return 'unauthenticated';
  if (policy.kind === 'authenticated') return 'passed';
  return hasPermission([role], policy.permission) ? 'passed' : 'forbidden';
}

/** A role holding the route's permission, or null for a public route; undefined when no role may call it. */
export function roleAllowedFor(route: ApiRoute): Role | null | undefined {
  if (!route.policy) return undefined;
  if (route.policy.kind === 'public') return null;
  return ROLES.find((role) => expectedOutcome(route.policy, role) === 'passed');
}
