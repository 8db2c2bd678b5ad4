import Fastify from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { validatorCompiler } from 'fastify-type-provider-zod';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { droppedFields, responseSerializer } from './responses.js';

describe('droppedFields', () => {
  it('names the keys the kept answer lacks, at any depth, in arrays too', () => {
    const sent = { a: 1, b: { c: 2, d: [{ e: 3, f: 4 }] }, g: null };
    const kept = { a: 1, b: { c: 2, d: [{ e: 3 }] } };
    expect(droppedFields(sent, kept, '')).toEqual(['.b.d[0].f', '.g']);
    expect(droppedFields(sent, sent, '')).toEqual([]);
  });
});

describe('responseSerializer', () => {
  const routes: FastifyPluginAsyncZod = async (app) => {
    const schema = { response: { 200: z.object({ id: z.string(), items: z.array(z.object({ no: z.number() })) }) } };
    app.get('/whole', { schema }, async () => ({ id: 'x', items: [{ no: 1 }] }));
    app.get('/more', { schema }, async () => ({ id: 'x', items: [{ no: 1, title: '多出的字段' }] }));
  };
  const serve = async (strict: boolean) => {
    const app = Fastify({ logger: false });
    app.setValidatorCompiler(validatorCompiler);
    app.setSerializerCompiler(responseSerializer({ strict }));
    await app.register(routes);
    return app;
  };

  it('leaves out unnamed fields by default, and refuses to when strict', async () => {
    const lenient = await serve(false);
    expect((await lenient.inject('/more')).json()).toEqual({ id: 'x', items: [{ no: 1 }] });
    const strict = await serve(true);
    expect((await strict.inject('/whole')).json()).toEqual({ id: 'x', items: [{ no: 1 }] });
    const refused = await strict.inject('/more');
    expect(refused.statusCode).toBe(500);
    expect(refused.json().message).toContain('GET /more: the response schema leaves out .items[0].title');
  });
});
