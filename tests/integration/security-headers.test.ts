import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { ADMIN_PASSWORD, DATABASE_KINDS } from '../helpers/database.js';
import { apiRoutes, fillPath, validParams } from '../helpers/route-inventory.js';

/**
 * Security headers on every kind of answer (each /api route as the anonymous caller, errors, the
 * web app and its assets, the API docs, a malformed URL) and the session cookies' flags.
 */
function headerProblems(label: string, res: LightMyRequestResponse): string[] {
  const problems: string[] = [];
  const csp = String(res.headers['content-security-policy'] ?? '');
  const directives = new Map(
    csp
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((parts) => parts[0])
      .map((parts) => [parts[0], parts.slice(1)] as const),
  );
  const frameAncestors = directives.get('frame-ancestors');
  if (!csp) problems.push(`${label}: no Content-Security-Policy`);
  else {
    const scripts = directives.get('script-src') ?? directives.get('default-src') ?? [];
    if (scripts.some((s) => s === "'unsafe-inline'" || s === "'unsafe-eval'" || s === '*')) problems.push(`${label}: script-src allows ${scripts.join(' ')}`);
    // The API docs (swagger-ui) send their own CSP without frame-ancestors; X-Frame-Options covers them.
    const framed = frameAncestors ? !frameAncestors.every((s) => s === "'none'" || s === "'self'") : !res.headers['x-frame-options'];
    if (framed) problems.push(`${label}: may be framed by another site`);
    const objects = directives.get('object-src') ?? directives.get('default-src') ?? [];
    if (!objects.includes("'none'")) problems.push(`${label}: object-src is not 'none'`);
  }
  if (res.headers['x-content-type-options'] !== 'nosniff') problems.push(`${label}: no X-Content-Type-Options: nosniff`);
  if (!['DENY', 'SAMEORIGIN'].includes(String(res.headers['x-frame-options']).toUpperCase())) problems.push(`${label}: no X-Frame-Options`);
  if (res.headers['x-powered-by']) problems.push(`${label}: X-Powered-By ${String(res.headers['x-powered-by'])}`);
  return problems;
}

function cookie(res: LightMyRequestResponse, name: string) {
  const found = res.cookies.find((c) => c.name === name);
  if (!found) throw new Error(`no ${name} cookie in ${JSON.stringify(res.headers['set-cookie'])}`);
  return found;
}

describe.each(DATABASE_KINDS)('security headers and cookies on %s', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(kind);
  });
  afterAll(async () => t.close());

  it('sends CSP, nosniff and frame protection, and no X-Powered-By, on every /api route and every other kind of answer', async () => {
    const problems: string[] = [];
    const routes = apiRoutes(t.routes);
    for (const [index, route] of routes.entries()) {
      const res = await t.app.inject({ method: route.method as 'GET', url: fillPath(route.url, validParams(route, index)) });
      problems.push(...headerProblems(`${route.key} (${res.statusCode})`, res));
    }
    const others: [string, string, string, string?][] = [
      ['web app', 'GET', '/'],
      ['web deep link', 'GET', '/documents/123'],
      ['unknown API path', 'GET', '/api/no-such-thing'],
      ['unknown API path, POST', 'POST', '/api/no-such-thing'],
      ['malformed URL', 'POST', '/api/users/%ZZ/lock'],
      ['bad JSON', 'POST', '/api/auth/login', '{"username":'],
      ['API docs', 'GET', '/api/docs/json'],
    ];
    for (const [label, method, url, payload] of others) {
      const res = await t.app.inject({ method: method as 'GET', url, ...(payload ? { payload, headers: { 'content-type': 'application/json' } } : {}) });
      expect(res.statusCode, label).toBeLessThan(500);
      problems.push(...headerProblems(`${label} ${url} (${res.statusCode})`, res));
    }
    const index = await t.app.inject({ method: 'GET', url: '/' });
    const asset = /src="(\/assets\/[^"]+\.js)"/.exec(index.body)?.[1];
    if (asset) {
      const res = await t.app.inject({ method: 'GET', url: asset });
      expect(res.statusCode).toBe(200);
      expect(String(res.headers['content-type'])).toContain('javascript');
      problems.push(...headerProblems(`asset ${asset}`, res));
    }
    expect(problems).toEqual([]);
  });

  it('serves the web app at the root as at any deep link (the root was a 403 from the static plugin)', async () => {
    for (const url of ['/', '/?from=bookmark', '/documents/123']) {
      const res = await t.app.inject({ method: 'GET', url });
      expect(res.statusCode, url).toBe(200);
      expect(String(res.headers['content-type']), url).toContain('text/html');
    }
  });

  it('sets the session cookie HttpOnly and SameSite=Strict, the CSRF cookie SameSite=Strict (readable by the web app), both Path=/', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'admin', password: ADMIN_PASSWORD } });
    expect(res.statusCode).toBe(200);
    const session = cookie(res, 'yz_session');
    expect(session).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/' });
    expect(session.secure).toBeFalsy(); // plain HTTP on loopback; see the TLS case below
    expect(session.value.length).toBeGreaterThanOrEqual(40);
    const csrf = cookie(res, 'yz_csrf');
    expect(csrf).toMatchObject({ sameSite: 'Strict', path: '/' });
    expect(csrf.httpOnly).toBeFalsy();
    for (const c of [session, csrf]) expect(c.maxAge).toBe(t.config.sessionAbsoluteHours * 3600);
    const raw = [res.headers['set-cookie']].flat().join('\n');
    expect(raw).not.toMatch(/domain=/i);
  });

  it('clears both cookies at logout', async () => {
    const admin = await t.login('admin');
    const res = await admin.request('POST', '/api/auth/logout');
    expect(res.statusCode).toBe(200);
    for (const name of ['yz_session', 'yz_csrf']) {
      const c = cookie(res, name);
      expect(c.value).toBe('');
      expect(Number(c.expires?.getTime() ?? 0)).toBeLessThanOrEqual(Date.now());
    }
  });
});

describe('cookies behind a TLS-terminating proxy', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp('pglite', { config: { YIZHENG_TRUST_PROXY: 'true' } });
  });
  afterAll(async () => t.close());

  it('marks both cookies Secure when the proxy says the request came over HTTPS', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'x-forwarded-proto': 'https', 'x-forwarded-for': '203.0.113.7' },
      payload: { username: 'admin', password: ADMIN_PASSWORD },
    });
    expect(res.statusCode).toBe(200);
    expect(cookie(res, 'yz_session')).toMatchObject({ secure: true, httpOnly: true, sameSite: 'Strict' });
    expect(cookie(res, 'yz_csrf')).toMatchObject({ secure: true, sameSite: 'Strict' });
  });
});
