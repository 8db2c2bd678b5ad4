import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  addCalendarYear, confirmCalendarYear, getYearCalendar, listCalendarYears, pressDeadlineFor, removeCalendarDay, setCalendarDay,
} from '../../services/calendar/index.js';
import { userActorOf } from '../context.js';

// A real calendar date: a well-formed but impossible one (2023-02-30) would reach PostgreSQL and fail there.
const isoDate = z.iso.date({ message: '日期格式应为 YYYY-MM-DD' });
const yearParam = z.coerce.number().int().min(1990).max(2200);
const status = z.enum(['national-only', 'complete']);
const origin = z.enum(['default', 'notice', 'manual']);
const day = z.object({ date: z.string(), name: z.string(), source: z.enum(['national', 'regional']) });
const yearResult = z.object({ year: z.number() });

export const calendarRoutes: FastifyPluginAsyncZod = async (app) => {
  const { database } = app.ctx;
  const tags = ['calendar'];

  app.get(
    '/calendar/years',
    {
      schema: {
        tags,
        response: { 200: z.object({ items: z.array(z.object({ year: z.number(), status, origin, updatedAt: z.string() })) }) },
      },
    },
    async () => ({ items: await listCalendarYears(database.db) }),
  );

  app.get(
    '/calendar/years/:year',
    {
      schema: {
        tags,
        params: z.strictObject({ year: yearParam }),
        response: {
          200: z.object({
            year: z.number(), status, origin, note: z.string().nullable(), updatedAt: z.string(),
            holidays: z.array(day), makeUpWorkdays: z.array(day),
          }),
        },
      },
    },
    async (req) => {
      const y = await getYearCalendar(database.db, req.params.year);
      return { year: y.year, status: y.status, origin: y.origin, note: y.note, updatedAt: y.updatedAt, holidays: y.holidays, makeUpWorkdays: y.makeUpWorkdays };
    },
  );

  app.get(
    '/calendar/deadline',
    {
      schema: {
        tags,
        description: '新闻发布会审批单备案时限：发布会日期前第7个工作日（新疆工作日历）',
        querystring: z.strictObject({ date: isoDate }),
        response: { 200: z.object({ date: z.string(), deadline: z.string() }) },
      },
    },
    async (req) => pressDeadlineFor(database.db, req.query.date),
  );

  app.post(
    '/calendar/years',
    { schema: { tags, body: z.strictObject({ year: z.number().int().min(1990).max(2200) }), response: { 201: yearResult } } },
    async (req, reply) => reply.status(201).send(await addCalendarYear(database, userActorOf(req), req.body.year)),
  );

  app.post(
    '/calendar/years/:year/days',
    {
      schema: {
        tags,
        description: '添加或修改一天（放假或调休上班），同一日期再次提交即修改',
        params: z.strictObject({ year: yearParam }),
        body: z.strictObject({
          date: isoDate,
          kind: z.enum(['holiday', 'makeUpWorkday']),
          name: z.string().min(1).max(30),
          source: z.enum(['national', 'regional']),
        }),
        response: { 200: z.object({ year: z.number(), date: z.string() }) },
      },
    },
    async (req) => setCalendarDay(database, userActorOf(req), req.params.year, req.body),
  );

  app.delete(
    '/calendar/years/:year/days/:date',
    {
      schema: { tags, params: z.strictObject({ year: yearParam, date: isoDate }), response: { 200: z.object({ year: z.number(), date: z.string() }) } },
    },
    async (req) => removeCalendarDay(database, userActorOf(req), req.params.year, req.params.date),
  );

  app.post(
    '/calendar/years/:year/confirm',
    {
      schema: {
        tags,
        params: z.strictObject({ year: yearParam }),
        body: z.strictObject({ note: z.string().max(200).nullable().optional() }),
        response: { 200: yearResult },
      },
    },
    async (req) => confirmCalendarYear(database, userActorOf(req), req.params.year, req.body.note?.trim() || null),
  );
};
