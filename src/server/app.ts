import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import cookie from '@fastify/cookie';
import multipart from '@fastify/multipart';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance, type FastifySchema } from 'fastify';
import helmet from 'helmet';
import { jsonSchemaTransform, validatorCompiler } from 'fastify-type-provider-zod';
import type { AppContext } from './context.js';
import { registerErrorHandler } from './plugins/errors.js';
import { responseSerializer } from './plugins/responses.js';
import { answerMalformedUrl, registerSecurityHooks } from './plugins/security.js';
import { ReadCache, registerReadCache } from './read-cache.js';
import { ROUTE_MODULES } from './routes/index.js';

const WEB_DIST = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../web/dist');

export interface BuildAppOptions extends Omit<AppContext, 'now'> {
  now?: () => Date;
  logger?: boolean;
  /** Answer repeated reads from memory while the data is unchanged (read-cache.ts). Default: on. */
  readCache?: boolean;
  /** A response schema that leaves out a field the service sent is an error, not a silent drop (the tests). Default: off. */
  strictResponses?: boolean;
  /** Called for every route as it is registered (the policy-coverage and security tests list them). */
  onRoute?: (route: { method: string; url: string; schema?: FastifySchema }) => void;
}

export async function buildApp(options: BuildAppOptions): Promise<FastifyInstance> {
  const { config } = options;
  const app = Fastify({
    logger: options.logger === false ? false : { level: config.logLevel },
    trustProxy: config.trustProxy,
    genReqId: () => randomUUID(),
    bodyLimit: 2 * 1024 * 1024,
    // Longer than any request line Node's HTTP parser accepts (16 KB of headers): an over-long
    // path parameter reaches the route's schema (400, audited) instead of a hook-less 414.
    routerOptions: { maxParamLength: 16 * 1024 },
    frameworkErrors: (_error, req, reply) => void answerMalformedUrl(req, reply),
    // Registering every route with its zod schemas takes seconds; on a busy host more than Fastify's
    // default 10 s, which made the app refuse to start (seen in the PGlite kill drill at load 15–21).
    pluginTimeout: 120_000,
  });
  app.decorate('ctx', { database: options.database, config, now: options.now ?? (() => new Date()) });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(responseSerializer({ strict: options.strictResponses === true }));
  if (options.onRoute) {
    const listener = options.onRoute;
    app.addHook('onRoute', (route) => {
      for (const method of [route.method].flat()) if (method !== 'HEAD') listener({ method, url: route.url, schema: route.schema });
    });
  }
  registerErrorHandler(app);
  await app.register(cookie);
  // Security headers, the middleware built once (@fastify/helmet built it again for every request).
  const securityHeaders = helmet({
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        // antd writes its component styles at run time (CSS-in-JS).
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
        formAction: ["'self'"],
        upgradeInsecureRequests: null,
      },
    },
    hsts: false, // TLS ends at the reverse proxy, which sets HSTS
  });
  app.addHook('onRequest', (req, reply, done) => securityHeaders(req.raw, reply.raw, (error) => done(error as Error | undefined)));
  await app.register(rateLimit, { global: false });
  await app.register(multipart, { limits: { fileSize: 20 * 1024 * 1024, files: 5 } });
  await app.register(swagger, {
    openapi: {
      info: { title: '伊政通 API', version: '0.1.0', description: '伊犁哈萨克自治州人民政府办公厅公文执行平台' },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'yz_session' } } },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs', staticCSP: true });
  const cache = options.readCache === false ? null : new ReadCache();
  registerSecurityHooks(app, cache);
  if (cache) registerReadCache(app, cache);
  for (const routes of ROUTE_MODULES) await app.register(routes, { prefix: '/api' });
  await registerWeb(app);
  return app;
}

async function registerWeb(app: FastifyInstance) {
  const hasWeb = fs.existsSync(path.join(WEB_DIST, 'index.html'));
  if (hasWeb) await app.register(fastifyStatic, { root: WEB_DIST, wildcard: true, index: false });
  // The root is a directory to @fastify/static, which refuses it (403) with `index: false`: serve the app.
  if (hasWeb) app.get('/', (_req, reply) => reply.type('text/html').sendFile('index.html'));
  app.setNotFoundHandler((req, reply) => {
    if (req.url.startsWith('/api/') || req.method !== 'GET' || !hasWeb) {
      return reply.status(404).send({ code: 'NOT_FOUND', message: '请求的地址不存在' });
    }
    return reply.type('text/html').sendFile('index.html');
  });
}
