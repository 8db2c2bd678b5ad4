import type { z } from 'zod';
import type { ApiRoute } from './route-inventory.js';
import { jsonSchemaOf, type JsonSchema } from './schema-arbitrary.js';

/**
 * Fields a client must never set through a body: they are decided by the server (status moves
 * only through the routes of the state machine; amounts come from the rulebook evaluator; the
 * owning unit and jurisdiction come from the session or the parent record; who/when from the
 * session and the clock).
 */
export const PROTECTED_FIELD_PATTERNS: RegExp[] = [
  /^(status|state)$/i,
  /amount/i,
  /^(organization|org|unit|owningUnit|ownerUnit|owner)(Id)?$/i,
  /^jurisdiction$/i,
  /^(created|updated|approved|reviewed|disbursed|submitted|decided|deleted|registered)(By|At)$/i,
  /^(passwordHash|failedAttempts|lockedUntil|seq|hash|prevHash)$/i,
  /^roles$/i,
];

/**
 * The routes that are explicitly the place where one of those fields is set, with why. Keys are
 * `METHOD /url`, values the allowed field names (at any depth of the body).
 */
export const PROTECTED_FIELD_ALLOW_LIST: Record<string, { fields: string[]; why: string }> = {
  'POST /api/users': {
    fields: ['organizationId', 'roles'],
    why: 'the system admin (users:manage) creates an account and gives it its unit and roles; 三权分立 is checked in createUser',
  },
  'PATCH /api/users/:id': {
    fields: ['organizationId', 'roles', 'status'],
    why: 'the system admin moves an account to another unit, changes its roles, or disables/re-enables it',
  },
  'POST /api/bodies/:id/rectifications': {
    fields: ['organizationId'],
    why: 'the unit that must rectify is the subject of a 整改 item, chosen by the office staff who raise it (bodies:manage); it is not the owner of the record',
  },
  'POST /api/awards/applications/:id/recoveries': {
    fields: ['amountFen'],
    why: 'finance records the sum actually paid back (追回) after a revocation; recordAwardRecovery caps it at the outstanding amount the rulebook computed',
  },
};

export function isProtectedField(name: string): boolean {
  return PROTECTED_FIELD_PATTERNS.some((p) => p.test(name));
}

/** Every property name in a JSON Schema, with its dotted path. */
export function propertyPaths(schema: JsonSchema, prefix = ''): { path: string; name: string }[] {
  const out: { path: string; name: string }[] = [];
  const visit = (s: JsonSchema | boolean | undefined, at: string) => {
    if (!s || typeof s === 'boolean') return;
    for (const [name, child] of Object.entries(s.properties ?? {})) {
      const path = at ? `${at}.${name}` : name;
      out.push({ path, name });
      visit(child, path);
    }
    for (const alt of [...(s.anyOf ?? []), ...(s.oneOf ?? []), ...(s.allOf ?? []), ...(s.prefixItems ?? [])]) visit(alt, at);
    if (s.items) visit(s.items, `${at}[]`);
    if (s.additionalProperties && typeof s.additionalProperties === 'object') visit(s.additionalProperties, `${at}{}`);
  };
  visit(schema, prefix);
  return out;
}

/** Objects in the schema that let unknown keys through to the handler (z.looseObject / passthrough). */
export function passthroughObjects(schema: JsonSchema): string[] {
  const out: string[] = [];
  const visit = (s: JsonSchema | boolean | undefined, at: string) => {
    if (!s || typeof s === 'boolean') return;
    const hasProps = s.properties && Object.keys(s.properties).length > 0;
    if (hasProps && s.additionalProperties !== false && s.additionalProperties !== undefined) out.push(at || '(body)');
    for (const [name, child] of Object.entries(s.properties ?? {})) visit(child, at ? `${at}.${name}` : name);
    for (const alt of [...(s.anyOf ?? []), ...(s.oneOf ?? []), ...(s.allOf ?? [])]) visit(alt, at);
    if (s.items) visit(s.items, `${at}[]`);
  };
  visit(schema, '');
  return out;
}

/** The writable inputs of a route that could carry protected fields: its body, and the querystring of a state change. */
export function writableSchemas(route: ApiRoute): { part: 'body' | 'querystring'; schema: z.ZodType }[] {
  const parts: { part: 'body' | 'querystring'; schema: z.ZodType }[] = [];
  if (route.body) parts.push({ part: 'body', schema: route.body });
  if (route.stateChanging && route.querystring) parts.push({ part: 'querystring', schema: route.querystring });
  return parts;
}

/** Protected fields a route accepts that the allow-list does not grant it. */
export function protectedFieldViolations(route: ApiRoute): string[] {
  const allowed = new Set(PROTECTED_FIELD_ALLOW_LIST[route.key]?.fields ?? []);
  const violations: string[] = [];
  for (const { part, schema } of writableSchemas(route)) {
    const json = jsonSchemaOf(schema);
    for (const { path, name } of propertyPaths(json)) {
      if (isProtectedField(name) && !allowed.has(name)) violations.push(`${route.key} ${part}.${path}`);
    }
    for (const at of passthroughObjects(json)) violations.push(`${route.key} ${part}.${at} lets unknown keys through (use z.strictObject)`);
  }
  return violations;
}
