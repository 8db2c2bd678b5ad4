import type { FastifyInstance, FastifyRequest } from 'fastify';
import { urumqiDate } from '../domain/shared/dates.js';

declare module 'fastify' {
  interface FastifyContextConfig {
    /**
     * The route's answer is a pure read of committed data, the caller and today's date (no audit
     * record, no other side effect): a repeated request is answered from memory while the data
     * version is unchanged.
     */
    readCache?: boolean;
  }
  interface FastifyRequest {
    /** Database.dataVersion() as read at the start of this request, when something needed it. */
    dataVersion: string | null;
    readCacheKey: string | null;
  }
}

export interface ReadCacheLimits {
  entries: number;
  bytes: number;
}

/**
 * Values computed from the database, valid for one data version (Database.dataVersion). Only the
 * current version's entries are kept: a newer version empties the cache, a request still holding an
 * older one neither reads nor writes it. Least recently used entries go first beyond the limits.
 */
export class ReadCache {
  #version: string | null = null;
  #entries = new Map<string, { value: unknown; bytes: number }>();
  #bytes = 0;

  constructor(readonly limits: ReadCacheLimits = { entries: 2_000, bytes: 64 * 1024 * 1024 }) {}

  get<T>(version: string, key: string): T | undefined {
    if (version !== this.#version) return undefined;
    const entry = this.#entries.get(key);
    if (!entry) return undefined;
    this.#entries.delete(key);
    this.#entries.set(key, entry);
    return entry.value as T;
  }

  set(version: string, key: string, value: unknown, bytes = 0): void {
    if (version !== this.#version) {
      this.clear();
      this.#version = version;
    }
    if (bytes > this.limits.bytes) return;
    const old = this.#entries.get(key);
    if (old) {
      this.#bytes -= old.bytes;
      this.#entries.delete(key);
    }
    this.#entries.set(key, { value, bytes });
    this.#bytes += bytes;
    for (const [oldest, entry] of this.#entries) {
      if (this.#entries.size <= this.limits.entries && this.#bytes <= this.limits.bytes) break;
      this.#entries.delete(oldest);
      this.#bytes -= entry.bytes;
    }
  }

  clear(): void {
    this.#entries.clear();
    this.#bytes = 0;
  }

  get size(): number {
    return this.#entries.size;
  }
}

/** The data version of this request, read once (before any data the request reads). */
export async function requestDataVersion(req: FastifyRequest): Promise<string> {
  req.dataVersion ??= await req.server.ctx.database.dataVersion();
  return req.dataVersion;
}

/**
 * Answers GET routes marked `config: { readCache: true }` from memory when the same caller asked the
 * same URL on the same (Urumqi) day and no data has changed since. Runs after the session, the
 * policy and validation, so a cached answer is only given to a caller allowed to ask. The answer's
 * header `x-yizheng-cache` says `hit` or `miss`.
 */
export function registerReadCache(app: FastifyInstance, cache: ReadCache): void {
  app.decorateRequest('dataVersion', null);
  app.decorateRequest('readCacheKey', null);

  app.addHook('preHandler', async (req, reply) => {
    if (req.method !== 'GET' || req.routeOptions.config.readCache !== true || !req.user) return;
    const version = await requestDataVersion(req);
    const { userId, roles, organizationId } = req.user;
    const key = [userId, roles.join(','), organizationId ?? '', urumqiDate(app.ctx.now()), req.url].join('\u0000');
    const payload = cache.get<Buffer>(version, key);
    if (payload !== undefined) {
      return reply.header('x-yizheng-cache', 'hit').type('application/json; charset=utf-8').send(payload);
    }
    req.readCacheKey = key;
    reply.header('x-yizheng-cache', 'miss');
  });

  app.addHook('onSend', async (req, reply, payload) => {
    if (req.readCacheKey && req.dataVersion && reply.statusCode === 200 && typeof payload === 'string') {
      // Kept as UTF-8 bytes: a hit is then written as it is, not encoded again.
      const bytes = Buffer.from(payload);
      cache.set(req.dataVersion, req.readCacheKey, bytes, bytes.length);
      return bytes;
    }
    return payload;
  });
}
