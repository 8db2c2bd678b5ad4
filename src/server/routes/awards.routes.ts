import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { APPLICATION_STATUSES, DISQUALIFICATION_GROUNDS, MATERIAL_KINDS } from '../../domain/awards/index.js';
import { urumqiDate } from '../../domain/shared/dates.js';
import { createAwardApplication, submitAwardApplication, updateAwardApplication } from '../../services/awards/apply.js';
import { ArticleLibrary } from '../../services/awards/article-source.js';
import { computeEntry, withArticles } from '../../services/awards/compute.js';
import {
  approveAwardApplication,
  declineAwardApplication,
  disburseAwardApplication,
  recordAwardRecovery,
  reviewAwardApplication,
  revokeAwardApplication,
} from '../../services/awards/decide.js';
import { noticeDocx, planDocx, planXlsx } from '../../services/awards/exports.js';
import { revealAwardIdNumbers } from '../../services/awards/id-numbers.js';
import { addAwardMaterial, MATERIAL_MAX_BYTES, readAwardMaterial, removeAwardMaterial } from '../../services/awards/materials.js';
import {
  getAwardNotice,
  handleAwardObjection,
  listAwardNotices,
  publishAwardNotice,
  recordAwardObjection,
  reportAwardNotice,
} from '../../services/awards/notices.js';
import { awardLedger, awardPlan } from '../../services/awards/plan.js';
import { getAwardApplication, listAwardApplications } from '../../services/awards/queries.js';
import { readResultsXlsx, resultsTemplateXlsx, SHEET_MAX_BYTES } from '../../services/awards/sheet.js';
import { secretBoxFor } from '../../services/crypto.js';
import { userActorOf } from '../context.js';
import { DOCX, sendFile, uploadedFile, XLSX } from './files.js';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD');
const id = z.uuid({ message: '编号格式不正确' });
const idParams = z.strictObject({ id });
const text = (max: number) => z.string().max(max);
const optionalText = (max: number) => z.string().max(max).nullable().optional();

/** One result in the batch shape. Types are loose on purpose: the evaluator names each bad field. */
const entrySchema = z.strictObject({
  id: optionalText(50),
  kind: optionalText(20),
  games: optionalText(40),
  date: optionalText(20),
  event: optionalText(20),
  sport: optionalText(40),
  teamSize: z.number().nullable().optional(),
  place: z.number().nullable().optional(),
  team: optionalText(100),
  teamCounty: optionalText(50),
  athletes: z.array(z.strictObject({ name: text(50), county: optionalText(50) })).max(200).optional(),
  enteredTeamOn: optionalText(20),
  coaches: z.array(z.strictObject({ name: text(50), role: text(20) })).max(20).optional(),
  regionAward: z.number().nullable().optional(),
  extraAwards: z.array(z.number()).max(20).optional(),
  disqualified: optionalText(20),
});

const applicationBody = z.strictObject({
  applicantKind: z.enum(['coach', 'unit']),
  applicantName: z.string().trim().min(1, '请填写申请人（教练员或单位）').max(100),
  entry: entrySchema,
  people: z
    .array(z.strictObject({ name: text(50), role: z.enum(['athlete', 'head', 'original', 'assistant']), idNumber: z.string().max(18).nullable().optional() }))
    .max(220)
    .default([]),
});

const comment = z.string().max(2000).nullable().optional();

export const awardsRoutes: FastifyPluginAsyncZod = async (app) => {
  const { database, config, now } = app.ctx;
  const tags = ['awards'];
  const today = () => urumqiDate(now());
  // The key is loaded (or made) on first use, not at start-up.
  const box = () => secretBoxFor(config);
  const library = () => new ArticleLibrary(database.db);

  app.post('/awards/compute', { schema: { tags, body: z.strictObject({ entry: entrySchema, appliedOn: isoDate.optional() }) } }, async (req) => {
    const appliedOn = req.body.appliedOn ?? today();
    const { computation, entry } = computeEntry(req.body.entry, appliedOn);
    return { appliedOn, ...(await withArticles(computation, entry?.date ?? null, library())) };
  });

  app.get('/awards/template.xlsx', { schema: { tags } }, async (_req, reply) => sendFile(reply, await resultsTemplateXlsx(), '体育奖励成绩导入模板.xlsx', XLSX));

  app.post('/awards/import', { schema: { tags } }, async (req) => readResultsXlsx((await uploadedFile(req, SHEET_MAX_BYTES)).bytes, today()));

  app.get(
    '/awards/applications',
    {
      config: { readCache: true },
      schema: {
        tags,
        querystring: z.strictObject({
          status: z.enum(APPLICATION_STATUSES).optional(),
          year: z.coerce.number().int().min(2000).max(2200).optional(),
          games: z.string().max(40).optional(),
          q: z.string().max(100).optional(),
          page: z.coerce.number().int().min(1).default(1),
          pageSize: z.coerce.number().int().min(1).max(200).default(20),
        }),
      },
    },
    async (req) => listAwardApplications(database.db, userActorOf(req), req.query),
  );

  app.post('/awards/applications', { schema: { tags, body: applicationBody } }, async (req, reply) =>
    reply.status(201).send(await createAwardApplication(database, userActorOf(req), box(), req.body, today())),
  );

  app.get('/awards/applications/:id', { schema: { tags, params: idParams } }, async (req) => getAwardApplication(database.db, userActorOf(req), req.params.id, library()));

  app.patch('/awards/applications/:id', { schema: { tags, params: idParams, body: applicationBody } }, async (req) =>
    updateAwardApplication(database, userActorOf(req), box(), req.params.id, req.body, today()),
  );

  app.get('/awards/applications/:id/id-numbers', { schema: { tags, params: idParams } }, async (req) =>
    revealAwardIdNumbers(database, userActorOf(req), box(), req.params.id),
  );

  app.post(
    '/awards/applications/:id/materials',
    { schema: { tags, params: idParams, querystring: z.strictObject({ kind: z.enum(MATERIAL_KINDS) }) } },
    async (req, reply) => {
      const content = (await uploadedFile(req, MATERIAL_MAX_BYTES)).bytes;
      return reply.status(201).send(await addAwardMaterial(database, userActorOf(req), box(), req.params.id, req.query.kind, content));
    },
  );

  const materialParams = z.strictObject({ id, materialId: id });
  app.get('/awards/applications/:id/materials/:materialId', { schema: { tags, params: materialParams } }, async (req, reply) => {
    const m = await readAwardMaterial(database, userActorOf(req), box(), req.params.id, req.params.materialId);
    return sendFile(reply, m.content, m.filename, m.mediaType);
  });
  app.delete('/awards/applications/:id/materials/:materialId', { schema: { tags, params: materialParams } }, async (req) =>
    removeAwardMaterial(database, userActorOf(req), req.params.id, req.params.materialId),
  );

  app.post('/awards/applications/:id/submit', { schema: { tags, params: idParams, body: z.strictObject({ comment }).nullish() } }, async (req) =>
    submitAwardApplication(database, userActorOf(req), req.params.id, today(), req.body?.comment ?? null),
  );
  app.post(
    '/awards/applications/:id/review',
    { schema: { tags, params: idParams, body: z.strictObject({ decision: z.enum(['pass', 'return']), comment }) } },
    async (req) => reviewAwardApplication(database, userActorOf(req), req.params.id, { decision: req.body.decision, comment: req.body.comment ?? null }),
  );
  app.post('/awards/applications/:id/approve', { schema: { tags, params: idParams, body: z.strictObject({ comment }).nullish() } }, async (req) =>
    approveAwardApplication(database, userActorOf(req), req.params.id, req.body?.comment ?? null),
  );
  app.post('/awards/applications/:id/decline', { schema: { tags, params: idParams, body: z.strictObject({ comment: z.string().max(2000) }) } }, async (req) =>
    declineAwardApplication(database, userActorOf(req), req.params.id, req.body.comment),
  );
  app.post(
    '/awards/applications/:id/disburse',
    { schema: { tags, params: idParams, body: z.strictObject({ paidOn: isoDate, voucher: z.string().trim().min(1, '请填写拨付凭证号').max(100) }) } },
    async (req) => disburseAwardApplication(database, userActorOf(req), req.params.id, req.body, today()),
  );
  app.post(
    '/awards/applications/:id/revoke',
    { schema: { tags, params: idParams, body: z.strictObject({ ground: z.enum(DISQUALIFICATION_GROUNDS), reason: z.string().max(2000) }) } },
    async (req) => revokeAwardApplication(database, userActorOf(req), req.params.id, req.body),
  );
  app.post(
    '/awards/applications/:id/recoveries',
    {
      schema: {
        tags,
        params: idParams,
        body: z.strictObject({ amountFen: z.number().int().positive('追回金额应为正数'), recoveredOn: isoDate, note: z.string().max(500).nullable().optional() }),
      },
    },
    async (req, reply) =>
      reply.status(201).send(await recordAwardRecovery(database, userActorOf(req), req.params.id, { ...req.body, note: req.body.note ?? null }, today())),
  );

  app.get('/awards/notices', { schema: { tags } }, async () => ({ items: await listAwardNotices(database.db, today()) }));
  app.post(
    '/awards/notices',
    { schema: { tags, body: z.strictObject({ applicationIds: z.array(id).min(1, '请选择要公示的申请').max(500), title: z.string().max(200).nullable().optional() }) } },
    async (req, reply) => reply.status(201).send(await publishAwardNotice(database, userActorOf(req), req.body, today())),
  );
  app.get('/awards/notices/:id', { schema: { tags, params: idParams } }, async (req) => getAwardNotice(database.db, req.params.id, today()));
  app.get('/awards/notices/:id/notice.docx', { schema: { tags, params: idParams } }, async (req, reply) => {
    const notice = await getAwardNotice(database.db, req.params.id, today());
    return sendFile(reply, await noticeDocx(notice), `${notice.title}.docx`, DOCX);
  });
  app.post(
    '/awards/notices/:id/objections',
    {
      schema: {
        tags,
        params: idParams,
        body: z.strictObject({ applicationId: id, receivedOn: isoDate, objector: z.string().trim().min(1, '请填写异议人').max(100), content: z.string().trim().min(1, '请填写异议内容').max(4000) }),
      },
    },
    async (req, reply) => reply.status(201).send(await recordAwardObjection(database, userActorOf(req), req.params.id, req.body, today())),
  );
  app.post(
    '/awards/objections/:id/handle',
    { schema: { tags, params: idParams, body: z.strictObject({ outcome: z.enum(['dismissed', 'upheld']), handling: z.string().max(4000) }) } },
    async (req) => handleAwardObjection(database, userActorOf(req), req.params.id, req.body),
  );
  app.post('/awards/notices/:id/report', { schema: { tags, params: idParams } }, async (req) => reportAwardNotice(database, userActorOf(req), req.params.id, today()));

  const yearParams = z.strictObject({ year: z.coerce.number().int().min(2000).max(2200) });
  app.get('/awards/plans/:year', { schema: { tags, params: yearParams } }, async (req) => awardPlan(database.db, userActorOf(req), req.params.year));
  app.get('/awards/plans/:year/plan.xlsx', { schema: { tags, params: yearParams } }, async (req, reply) =>
    sendFile(reply, await planXlsx(await awardPlan(database.db, userActorOf(req), req.params.year)), `${req.params.year}年度奖励方案.xlsx`, XLSX),
  );
  app.get('/awards/plans/:year/plan.docx', { schema: { tags, params: yearParams } }, async (req, reply) =>
    sendFile(reply, await planDocx(await awardPlan(database.db, userActorOf(req), req.params.year)), `${req.params.year}年度奖励方案.docx`, DOCX),
  );

  app.get(
    '/awards/ledger',
    { schema: { tags, querystring: z.strictObject({ year: z.coerce.number().int().min(2000).max(2200).optional() }) } },
    async (req) => awardLedger(database.db, userActorOf(req), req.query.year ?? null),
  );
};
