import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { urumqiDate } from '../../domain/shared/dates.js';
import { diffBodyRosters, getBody, listBodies } from '../../services/directory/bodies.queries.js';
import { dutyReportFile, listDutyReports, MAX_REPORT_FILE, openDutyReports, reviewDutyReport, submitDutyReport } from '../../services/directory/duty-reports.service.js';
import { listDuplicates, reviewDuplicate } from '../../services/directory/duplicates.service.js';
import { exportRoster } from '../../services/directory/export-roster.js';
import { addOrganizationAlias, listDirectoryOrganizations } from '../../services/directory/organizations.service.js';
import { getPerson, searchPeople } from '../../services/directory/people.queries.js';
import { advanceRectification, createRectification, listRectifications } from '../../services/directory/rectifications.service.js';
import { appointPerson } from '../../services/directory/succession.js';
import { userActorOf } from '../context.js';

// A real calendar date: a well-formed but impossible one (2023-02-30) would reach PostgreSQL and fail there.
const isoDate = z.iso.date({ message: '日期格式应为 YYYY-MM-DD' });
const idParams = z.strictObject({ id: z.uuid({ message: '编号格式不正确' }) });
const rank = z.enum(['leader', 'deputy', 'member']);
const nullableString = z.string().nullable();

const officeHolder = z.object({ name: nullableString, position: nullableString, personId: nullableString });
const office = z.object({
  unit: z.string(),
  organizationId: nullableString,
  director: officeHolder.nullable(),
  deputyDirectors: z.array(officeHolder),
  line: z.number(),
});
const version = z.object({
  id: z.string(), version: z.number(), documentId: z.string(), docNumber: z.string(), headingLine: z.number(),
  validFrom: z.string(), validTo: nullableString, office: office.nullable(), liaisonDuties: z.array(z.string()),
});
const member = z.object({
  membershipId: z.string(), personId: z.string(), name: z.string(), role: z.string(), rank, position: z.string(), seat: z.number(),
  validFrom: z.string(), validTo: nullableString, documentId: nullableString, docNumber: nullableString, line: z.number().nullable(),
  succeeded: z.object({ personId: z.string(), name: z.string() }).nullable(),
});
const liaison = z.object({
  personId: z.string(), name: z.string(), position: z.string(), unit: z.string(), organizationId: nullableString, seat: z.number(), line: z.number(),
});
const roster = z.object({ day: z.string(), version: version.nullable(), members: z.array(member), liaisons: z.array(liaison) });
const bodyDetail = roster.extend({
  id: z.string(), name: z.string(), organizationId: z.string(), automaticSuccession: z.boolean(), versions: z.array(version),
});
const personSummary = z.object({
  id: z.string(), name: z.string(), organizationId: nullableString, organization: nullableString, positions: z.array(z.string()), bodies: z.number(),
});
const personDetail = personSummary.extend({
  posts: z.array(z.object({
    postId: z.string(), post: z.string(), position: z.string(), validFrom: nullableString, validTo: nullableString, source: z.enum(['document', 'appointment']),
    documentId: nullableString, docNumber: nullableString, line: z.number().nullable(), predecessor: nullableString, note: nullableString,
  })),
  memberships: z.array(z.object({
    bodyId: z.string(), body: z.string(), role: z.string(), rank, position: z.string(), validFrom: z.string(), validTo: nullableString,
    documentId: nullableString, docNumber: nullableString, line: z.number().nullable(), version: z.number(), bySuccession: z.boolean(),
  })),
  liaisons: z.array(z.object({ bodyId: z.string(), body: z.string(), position: z.string(), unit: z.string(), docNumber: z.string(), line: z.number(), validTo: nullableString })),
  offices: z.array(z.object({ bodyId: z.string(), body: z.string(), unit: z.string(), docNumber: z.string(), validTo: nullableString, role: z.string() })),
  sameAs: z.array(z.object({ id: z.string(), name: z.string(), organization: nullableString })),
  mentions: z.array(z.object({ kind: z.string(), title: z.string(), role: nullableString, link: nullableString, docNumber: nullableString })),
});
const duplicatePerson = z.object({ id: z.string(), name: z.string(), organization: nullableString, positions: z.array(z.string()) });
const duplicate = z.object({
  names: z.tuple([z.string(), z.string()]), reason: z.string(), status: z.enum(['pending', 'confirmed', 'rejected']),
  people: z.tuple([duplicatePerson, duplicatePerson]), note: nullableString, decidedBy: nullableString, decidedAt: nullableString,
});
const dutyReport = z.object({
  id: z.string(), organizationId: z.string(), organization: z.string(), year: z.number(), dueOn: z.string(),
  status: z.enum(['pending', 'submitted', 'accepted', 'returned']), overdue: z.boolean(), submittedOn: nullableString, submittedBy: nullableString,
  fileName: nullableString, fileSize: z.number().nullable(), reviewNote: nullableString, reviewedBy: nullableString,
});
const rectificationStatus = z.enum(['open', 'plan-submitted', 'report-submitted', 'closed']);
const rectification = z.object({
  id: z.string(), organizationId: z.string(), organization: z.string(), title: z.string(), raisedBy: z.string(), raisedOn: z.string(),
  dueOn: nullableString, status: rectificationStatus, overdue: z.boolean(), plan: nullableString, report: nullableString,
  closedOn: nullableString, closingNote: nullableString,
  history: z.array(z.object({ at: z.string(), by: z.string(), action: z.string(), note: nullableString })),
});
const statusResult = z.object({ id: z.string(), status: z.string() });

/** Content-Disposition with the Chinese file name in its UTF-8 form and an ASCII fallback. */
function attachment(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/"/g, '');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

export const directoryRoutes: FastifyPluginAsyncZod = async (app) => {
  const { database } = app.ctx;
  const today = () => urumqiDate(app.ctx.now());
  const tags = ['directory'];

  app.get(
    '/directory/organizations',
    {
      schema: {
        tags,
        response: {
          200: z.object({
            items: z.array(z.object({
              id: z.string(), name: z.string(), kind: z.enum(['unit', 'county', 'body']),
              aliases: z.array(z.object({ alias: z.string(), source: z.string() })), people: z.number(), posts: z.number(),
            })),
          }),
        },
      },
    },
    async () => ({ items: await listDirectoryOrganizations(database.db) }),
  );
  app.post(
    '/directory/organizations/:id/aliases',
    { schema: { tags, params: idParams, body: z.strictObject({ alias: z.string().min(1).max(100) }), response: { 201: z.object({ organizationId: z.string(), alias: z.string() }) } } },
    async (req, reply) => reply.status(201).send(await addOrganizationAlias(database, userActorOf(req), req.params.id, req.body.alias)),
  );

  app.get(
    '/people',
    {
      schema: {
        tags,
        description: '按姓名（汉字、全拼前缀如 dalie、首字母如 dlbk）或单位、职务查找人员',
        querystring: z.strictObject({ q: z.string().max(50).optional(), limit: z.coerce.number().int().min(1).max(500).optional() }),
        response: { 200: z.object({ items: z.array(personSummary) }) },
      },
    },
    async (req) => ({ items: await searchPeople(database.db, req.query.q ?? '', req.query.limit) }),
  );
  app.get(
    '/people/duplicates',
    {
      schema: {
        tags,
        description: '疑似同一人（译名用字不同等），供人工确认或排除；系统从不自动合并',
        querystring: z.strictObject({ all: z.enum(['true', 'false']).optional() }),
        response: { 200: z.object({ items: z.array(duplicate) }) },
      },
    },
    async (req) => ({ items: await listDuplicates(database.db, { includeReviewed: req.query.all === 'true' }) }),
  );
  app.post(
    '/people/duplicates/review',
    {
      schema: {
        tags,
        body: z.strictObject({ personIds: z.tuple([z.uuid(), z.uuid()]), decision: z.enum(['confirmed', 'rejected']), note: z.string().max(500).nullable().optional() }),
        response: { 200: z.object({ names: z.tuple([z.string(), z.string()]), decision: z.enum(['confirmed', 'rejected']) }) },
      },
    },
    async (req) => reviewDuplicate(database, userActorOf(req), req.body),
  );
  app.post(
    '/people/appointments',
    {
      schema: {
        tags,
        description: '登记职务任免：新任职人员自该日起接替原任职人员；实行自动递补的议事协调机构名单随之更新',
        body: z.strictObject({
          name: z.string().min(1).max(50), position: z.string().min(2).max(100), effectiveOn: isoDate,
          replacesPersonId: z.uuid().nullable().optional(), note: z.string().max(500).nullable().optional(),
        }),
        response: {
          201: z.object({
            personId: z.string(), post: z.string(), predecessor: z.object({ id: z.string(), name: z.string() }).nullable(),
            successions: z.array(z.object({ body: z.string(), role: z.string(), seat: z.number() })),
          }),
        },
      },
    },
    async (req, reply) => reply.status(201).send(await appointPerson(database, userActorOf(req), req.body)),
  );
  app.get('/people/:id', { config: { readCache: true }, schema: { tags, params: idParams, response: { 200: personDetail } } }, async (req) => getPerson(database.db, req.params.id));

  const bodySummary = z.object({
    id: z.string(), name: z.string(), automaticSuccession: z.boolean(), versions: z.number(), day: z.string(), docNumber: nullableString,
    validFrom: nullableString, members: z.number(), leaders: z.array(z.object({ name: z.string(), role: z.string() })),
    liaisons: z.number(), officeUnit: nullableString,
  });
  app.get('/bodies', { config: { readCache: true }, schema: { tags, response: { 200: z.object({ items: z.array(bodySummary) }) } } }, async () => ({
    items: (await listBodies(database.db, today())).map(({ id, name, automaticSuccession, versions, roster: r }) => ({
      id, name, automaticSuccession, versions, day: r.day, docNumber: r.version?.docNumber ?? null, validFrom: r.version?.validFrom ?? null,
      members: r.members.length, leaders: r.members.filter((m) => m.rank === 'leader').map((m) => ({ name: m.name, role: m.role })),
      liaisons: r.liaisons.length, officeUnit: r.version?.office?.unit ?? null,
    })),
  }));
  const onQuery = z.strictObject({ on: isoDate.optional() });
  app.get('/bodies/:id', { config: { readCache: true }, schema: { tags, params: idParams, querystring: onQuery, response: { 200: bodyDetail } } }, async (req) =>
    getBody(database.db, req.params.id, { day: req.query.on, today: today() }),
  );
  app.get(
    '/bodies/:id/diff',
    {
      schema: {
        tags,
        description: '两个日期（或两个版本的生效日）名单之间的变化',
        params: idParams,
        querystring: z.strictObject({ from: isoDate, to: isoDate }),
        response: {
          200: z.object({
            from: roster, to: roster,
            diff: z.object({
              added: z.array(member), removed: z.array(member),
              changed: z.array(z.object({ before: member, after: member, changes: z.array(z.enum(['role', 'position'])) })),
              unchanged: z.number(),
            }),
          }),
        },
      },
    },
    async (req) => diffBodyRosters(database.db, req.params.id, req.query.from, req.query.to),
  );
  for (const format of ['xlsx', 'docx'] as const) {
    app.get(`/bodies/:id/export.${format}`, { schema: { tags, params: idParams, querystring: onQuery } }, async (req, reply) => {
      const file = await exportRoster(database, userActorOf(req), req.params.id, { format, day: req.query.on, today: today() });
      return reply.header('content-type', file.contentType).header('content-disposition', attachment(file.fileName)).send(file.content);
    });
  }

  app.get(
    '/bodies/:id/duty-reports',
    { schema: { tags, params: idParams, querystring: z.strictObject({ year: z.coerce.number().int().min(2000).max(2200).optional() }), response: { 200: z.object({ items: z.array(dutyReport) }) } } },
    async (req) => ({ items: await listDutyReports(database.db, req.params.id, { year: req.query.year, today: today() }) }),
  );
  app.post(
    '/bodies/:id/duty-reports',
    {
      schema: {
        tags,
        description: '为当年各成员单位建立履行教育职责工作情况汇报的报送事项',
        params: idParams,
        body: z.strictObject({ year: z.number().int().min(2000).max(2200), dueOn: isoDate }),
        response: { 201: z.object({ created: z.number(), existing: z.number() }) },
      },
    },
    async (req, reply) => reply.status(201).send(await openDutyReports(database, userActorOf(req), req.params.id, { ...req.body, today: today() })),
  );
  app.post(
    '/duty-reports/:id/submit',
    {
      bodyLimit: Math.ceil((MAX_REPORT_FILE * 4) / 3) + 64 * 1024,
      schema: {
        tags,
        params: idParams,
        body: z.strictObject({ fileName: z.string().min(1).max(200), contentType: z.string().max(200), contentBase64: z.string().min(1) }),
        response: { 200: statusResult },
      },
    },
    async (req) => submitDutyReport(database, userActorOf(req), req.params.id, { ...req.body, today: today() }),
  );
  app.post(
    '/duty-reports/:id/review',
    { schema: { tags, params: idParams, body: z.strictObject({ decision: z.enum(['accept', 'return']), note: z.string().max(1000).nullable().optional() }), response: { 200: statusResult } } },
    async (req) => reviewDutyReport(database, userActorOf(req), req.params.id, req.body),
  );
  app.get('/duty-reports/:id/file', { schema: { tags, params: idParams } }, async (req, reply) => {
    const file = await dutyReportFile(database, userActorOf(req), req.params.id);
    return reply.header('content-type', file.contentType).header('content-disposition', attachment(file.fileName)).send(file.content);
  });

  app.get('/bodies/:id/rectifications', { schema: { tags, params: idParams, response: { 200: z.object({ items: z.array(rectification) }) } } }, async (req) => ({
    items: await listRectifications(database.db, req.params.id, today()),
  }));
  app.post(
    '/bodies/:id/rectifications',
    {
      schema: {
        tags,
        params: idParams,
        body: z.strictObject({
          organizationId: z.uuid(), title: z.string().min(1).max(500), raisedBy: z.string().min(1).max(100), raisedOn: isoDate, dueOn: isoDate.nullable().optional(),
        }),
        response: { 201: z.object({ id: z.string() }) },
      },
    },
    async (req, reply) => reply.status(201).send(await createRectification(database, userActorOf(req), req.params.id, req.body)),
  );
  app.post(
    '/rectifications/:id/progress',
    { schema: { tags, params: idParams, body: z.strictObject({ action: z.enum(['submit-plan', 'submit-report']), text: z.string().min(1).max(10000) }), response: { 200: statusResult } } },
    async (req) => advanceRectification(database, userActorOf(req), req.params.id, { ...req.body, today: today() }),
  );
  app.post(
    '/rectifications/:id/review',
    { schema: { tags, params: idParams, body: z.strictObject({ action: z.enum(['close', 'reopen']), text: z.string().max(10000).nullable().optional() }), response: { 200: statusResult } } },
    async (req) => advanceRectification(database, userActorOf(req), req.params.id, { ...req.body, today: today() }),
  );
};
