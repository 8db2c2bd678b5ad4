import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { urumqiDate } from '../../domain/shared/dates.js';
import {
  addReportAttachment, closeSupervision, getMeasure, listProjects, listSupervisions, livelihoodDashboard, myTasks, openSupervision,
  quarterlyDocument, quarterlyReport, quarterlyTitle, quarterlyWorkbook, readReportAttachment, recordSupervision, refreshStatusLights,
  reportingStatus, setReportingStart, submitProgressReport,
} from '../../services/livelihood/index.js';
import { MAX_ATTACHMENT_BYTES } from '../../services/press/index.js';
import { userActorOf } from '../context.js';
import { DOCX, sendFile, uploadedFile, XLSX } from './files.js';

const uuid = z.uuid({ message: '编号格式不正确' });
const idParams = z.strictObject({ id: uuid });
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD');
const period = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, '月份格式应为 YYYY-MM');
const light = z.enum(['green', 'yellow', 'red']);
const reason = z.object({ light, code: z.string(), message: z.string() });
const lights = { green: z.number(), yellow: z.number(), red: z.number() };
const measureSummary = z.object({
  id: z.string(), projectId: z.string(), projectNo: z.number(), projectTitle: z.string(), no: z.number(), text: z.string(),
  units: z.array(z.string()), organizationIds: z.array(z.string()), leadLeader: z.string().nullable(), responsibleLeader: z.string().nullable(),
  deadline: z.string().nullable(), light, reasons: z.array(reason), progressPercent: z.number(), elapsedPercent: z.number().nullable(),
  lastReportPeriod: z.string().nullable(),
});
const milestone = z.object({ text: z.string(), date: z.string(), kind: z.enum(['on', 'by', 'during']), from: z.string().optional() });
const target = z.object({ id: z.string(), text: z.string(), value: z.number(), unit: z.string() });
const quarterQuery = z.strictObject({
  year: z.coerce.number().int().min(2000).max(2200),
  quarter: z.coerce.number().int().min(1).max(4),
  project: z.coerce.number().int().min(1).max(99),
});
const supervision = z.object({
  id: z.string(), measureId: z.string(), projectNo: z.number(), projectTitle: z.string(), measureNo: z.number(), status: z.enum(['open', 'closed']),
  openedOn: z.string(), reasons: z.array(z.string()), visitOn: z.string().nullable(), findings: z.string().nullable(), followUp: z.string().nullable(),
  closedOn: z.string().nullable(), openedBy: z.string(), updatedBy: z.string().nullable(),
});
const idResult = z.object({ id: z.string() });
const reportState = z.enum(['onTime', 'late', 'missing', 'pending']);
const myTask = measureSummary.extend({
  milestones: z.array(milestone),
  ownProgressPercent: z.number().nullable(),
  periodReport: z.object({ id: z.string(), submittedOn: z.string(), late: z.boolean() }).nullable(),
  currentReport: z.object({ id: z.string(), submittedOn: z.string() }).nullable(),
  periodRequired: z.boolean(),
});
const reportingItem = z.object({
  projectNo: z.number(), projectTitle: z.string(), measureId: z.string(), measureNo: z.number(), unit: z.string(), state: reportState,
  submittedOn: z.string().nullable(), progressPercent: z.number().nullable(),
});
const reportCounts = { due: z.number(), submitted: z.number(), onTime: z.number(), late: z.number(), missing: z.number(), pending: z.number() };
const quarterly = z.object({
  summary: z.object({
    projectNo: z.number(), title: z.string(), year: z.number(), quarter: z.number(),
    months: z.array(z.object({
      period: z.string(), dueOn: z.string().nullable(), ...reportCounts,
      items: z.array(z.object({ measureNo: z.number(), unit: z.string(), state: reportState, submittedOn: z.string().nullable(), progressPercent: z.number().nullable() })),
    })),
    totals: z.object(reportCounts),
    progress: z.array(z.object({ measureNo: z.number(), progressPercent: z.number() })),
  }),
  year: z.number(),
  docNumber: z.string().nullable(),
  today: z.string(),
  measures: z.array(z.object({
    no: z.number(), units: z.array(z.string()), deadline: z.string().nullable(), progressPercent: z.number(),
    narratives: z.array(z.object({ unit: z.string(), period: z.string(), submittedOn: z.string(), progressPercent: z.number(), narrative: z.string() })),
  })),
  targets: z.array(z.object({ text: z.string(), value: z.number(), unit: z.string(), reached: z.number().nullable() })),
});

export const livelihoodRoutes: FastifyPluginAsyncZod = async (app) => {
  const { database, now } = app.ctx;
  const tags = ['livelihood'];
  const today = () => urumqiDate(now());

  app.get(
    '/livelihood/projects',
    {
      schema: {
        tags,
        querystring: z.strictObject({ year: z.coerce.number().int().min(2000).max(2200).optional() }),
        response: {
          200: z.object({
            plan: z.object({ id: z.string(), year: z.number(), docNumber: z.string().nullable(), reportingStartsOn: z.string() }),
            today: z.string(),
            calendarWarnings: z.array(z.string()),
            projects: z.array(z.object({
              id: z.string(), no: z.number(), title: z.string(), targetText: z.string(), targets: z.array(target), lights: z.object(lights),
              measures: z.array(measureSummary),
            })),
          }),
        },
      },
    },
    async (req) => listProjects(database.db, today(), req.query.year),
  );

  app.get(
    '/livelihood/measures/:id',
    {
      schema: {
        tags, params: idParams,
        response: {
          200: measureSummary.extend({
            calendarWarnings: z.array(z.string()),
            milestones: z.array(milestone),
            fundings: z.array(z.object({ text: z.string(), fen: z.number(), per: z.string().nullable() })),
            deadlineText: z.string().nullable(),
            targets: z.array(target),
            reports: z.array(z.object({
              id: z.string(), unit: z.string(), organizationId: z.string(), period: z.string(), submittedOn: z.string(), progressPercent: z.number(),
              narrative: z.string(), indicators: z.array(z.object({ targetId: z.string(), value: z.number() })), milestonesDone: z.array(z.string()),
              revision: z.number(), submittedBy: z.string().nullable(), attachments: z.array(z.object({ id: z.string(), fileName: z.string(), size: z.number() })),
            })),
            supervisions: z.array(supervision),
          }),
        },
      },
    },
    async (req) => getMeasure(database.db, today(), req.params.id),
  );

  app.post(
    '/livelihood/measures/:id/reports',
    {
      schema: {
        tags, params: idParams,
        description: '月度进展报告（本单位牵头的工作措施；同一月份再次报送即更正，是否逾期按首次报送日判断）',
        body: z.strictObject({
          period,
          progressPercent: z.number().int().min(0).max(100),
          narrative: z.string().min(1).max(5000),
          indicators: z.array(z.strictObject({ targetId: uuid, value: z.number().min(0) })).max(50).default([]),
          milestonesDone: z.array(z.string().max(200)).max(50).default([]),
        }),
        response: { 200: z.object({ id: z.string(), revision: z.number() }) },
      },
    },
    async (req) => submitProgressReport(database, userActorOf(req), req.params.id, req.body, today()),
  );

  app.post(
    '/livelihood/reports/:id/attachments',
    { schema: { tags, params: idParams, description: '进展报告附件（multipart，一个文件，≤10MB；PDF/Word/Excel/图片，按内容识别）', response: { 201: z.object({ id: z.string(), fileName: z.string() }) } } },
    async (req, reply) => reply.status(201).send(await addReportAttachment(database, userActorOf(req), req.params.id, await uploadedFile(req, MAX_ATTACHMENT_BYTES), today())),
  );

  app.get('/livelihood/attachments/:id', { schema: { tags, params: idParams } }, async (req, reply) => {
    const file = await readReportAttachment(database.db, req.params.id);
    return sendFile(reply, file.content, file.fileName, file.contentType);
  });

  app.get(
    '/livelihood/my-tasks',
    {
      schema: {
        tags,
        response: {
          200: z.object({
            organization: z.string(), today: z.string(), calendarWarnings: z.array(z.string()), period: z.string(), dueOn: z.string(), items: z.array(myTask),
          }),
        },
      },
    },
    async (req) => myTasks(database.db, userActorOf(req), today()),
  );

  app.get(
    '/livelihood/dashboard',
    {
      config: { readCache: true },
      schema: {
        tags,
        response: {
          200: z.object({
            today: z.string(),
            calendarWarnings: z.array(z.string()),
            plan: z.object({ year: z.number(), docNumber: z.string().nullable() }),
            totals: z.object(lights),
            byProject: z.array(z.object({ no: z.number(), title: z.string(), ...lights })),
            byDepartment: z.array(z.object({ organizationId: z.string(), name: z.string(), ...lights })),
            targets: z.array(z.object({
              projectNo: z.number(), targetId: z.string(), text: z.string(), context: z.string(), value: z.number(), unit: z.string(),
              reached: z.number().nullable(), percent: z.number().nullable(),
            })),
            attention: z.array(z.object({
              id: z.string(), projectNo: z.number(), no: z.number(), units: z.array(z.string()), deadline: z.string().nullable(),
              progressPercent: z.number(), light, overdue: z.boolean(), reasons: z.array(z.object({ code: z.string(), message: z.string() })),
            })),
          }),
        },
      },
    },
    async () => livelihoodDashboard(database.db, today()),
  );

  app.get(
    '/livelihood/reporting',
    {
      schema: {
        tags, querystring: z.strictObject({ period }),
        response: {
          200: z.object({
            period: z.string(),
            dueOn: z.string().nullable(),
            counts: z.object({ due: z.number(), onTime: z.number(), late: z.number(), missing: z.number(), pending: z.number() }),
            items: z.array(reportingItem),
          }),
        },
      },
    },
    async (req) => reportingStatus(database.db, req.query.period, today()),
  );

  const quarterOf = (q: z.infer<typeof quarterQuery>) => quarterlyReport(database.db, q.project, { year: q.year, quarter: q.quarter as 1 | 2 | 3 | 4 }, today());
  app.get('/livelihood/quarterly', { schema: { tags, querystring: quarterQuery, response: { 200: quarterly } } }, async (req) => quarterOf(req.query));
  app.get('/livelihood/quarterly.xlsx', { schema: { tags, querystring: quarterQuery } }, async (req, reply) => {
    const report = await quarterOf(req.query);
    return sendFile(reply, await quarterlyWorkbook(report), `${quarterlyTitle(report)}.xlsx`, XLSX);
  });
  app.get('/livelihood/quarterly.docx', { schema: { tags, querystring: quarterQuery } }, async (req, reply) => {
    const report = await quarterOf(req.query);
    return sendFile(reply, await quarterlyDocument(report), `${quarterlyTitle(report)}.docx`, DOCX);
  });

  app.get(
    '/livelihood/supervisions',
    { schema: { tags, querystring: z.strictObject({ status: z.enum(['open', 'closed']).optional() }), response: { 200: z.object({ items: z.array(supervision) }) } } },
    async (req) => ({ items: await listSupervisions(database.db, { status: req.query.status }) }),
  );
  app.post('/livelihood/measures/:id/supervisions', { schema: { tags, params: idParams, response: { 201: idResult } } }, async (req, reply) =>
    reply.status(201).send(await openSupervision(database, userActorOf(req), req.params.id, today())),
  );
  app.patch(
    '/livelihood/supervisions/:id',
    {
      schema: {
        tags, params: idParams,
        body: z.strictObject({ visitOn: isoDate.nullable().optional(), findings: z.string().max(5000).nullable().optional(), followUp: z.string().max(5000).nullable().optional() }),
        response: { 200: idResult },
      },
    },
    async (req) => recordSupervision(database, userActorOf(req), req.params.id, req.body),
  );
  app.post('/livelihood/supervisions/:id/close', { schema: { tags, params: idParams, response: { 200: idResult } } }, async (req) =>
    closeSupervision(database, userActorOf(req), req.params.id, today()),
  );
  app.post(
    '/livelihood/lights/refresh',
    { schema: { tags, response: { 200: z.object({ skipped: z.string().nullable(), measures: z.number(), red: z.number(), supervisionsOpened: z.number() }) } } },
    async (req) => refreshStatusLights(database, today(), userActorOf(req)),
  );

  app.patch(
    '/livelihood/plans/:id',
    { schema: { tags, params: idParams, body: z.strictObject({ reportingStartsOn: isoDate }), response: { 200: z.object({ id: z.string(), reportingStartsOn: z.string() }) } } },
    async (req) => setReportingStart(database, userActorOf(req), req.params.id, req.body.reportingStartsOn),
  );
};
