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

// ---- answers (each names every field the service returns: the serializer drops what it does not name) ----

const applicationStatus = z.enum(APPLICATION_STATUSES);
const payeeRole = z.enum(['athlete', 'team', 'head', 'original', 'assistant', 'county', 'collective']);
const personRole = z.enum(['athlete', 'head', 'original', 'assistant']);
const funding = z.enum(['prefecture', 'county']);
const ground = z.enum(DISQUALIFICATION_GROUNDS);
/** Material types kept (decided by the file's first bytes). */
const mediaType = z.enum(['application/pdf', 'image/jpeg', 'image/png']);
const objectionOutcome = z.enum(['dismissed', 'upheld']);
const noticeState = z.enum(['open', 'ended', 'reported']);
/** The entry as stored or read from a sheet: the batch shape as typed, checked by the evaluator, not here. */
const rawEntry = z.record(z.string(), z.unknown());
const citation = z.object({ article: z.number(), item: z.number().optional(), subItem: z.number().optional() });
const citedArticle = z.object({
  ref: z.string(), article: z.number(), articleLabel: z.string(), articleText: z.string(), citedText: z.string().nullable(),
  source: z.enum(['document', 'rulebook']), docNumber: z.string(),
});
const computedLine = z.object({ payee: z.string(), role: payeeRole, amountFen: z.number(), funding, basis: z.string(), citations: z.array(citation) });
const computation = z.object({
  eligible: z.boolean(), reasons: z.array(z.string()), lines: z.array(computedLine), totalFen: z.number(), prefectureFen: z.number(),
  countyFen: z.number(), rulebook: z.string().nullable(),
});
/** A computation with the text of every article its lines and reasons cite. */
const computationView = computation.extend({
  lines: z.array(computedLine.extend({ refs: z.array(z.string()) })),
  reasonRefs: z.array(z.array(z.string())),
  articles: z.array(citedArticle),
});
const applicationRow = z.object({
  id: z.string(), ref: z.number(), status: applicationStatus, summary: z.string(), kind: z.string(), games: z.string().nullable(),
  resultDate: z.string(), appliedOn: z.string(), year: z.number(), applicantName: z.string(), eligible: z.boolean(), totalFen: z.number(),
  prefectureFen: z.number(), countyFen: z.number(), noticeId: z.string().nullable(), mine: z.boolean(), updatedAt: z.string(),
});
const applicationDetail = z.object({
  id: z.string(), ref: z.number(), status: applicationStatus, summary: z.string(), entry: rawEntry, applicantKind: z.enum(['coach', 'unit']),
  applicantName: z.string(), mine: z.boolean(), editable: z.boolean(), appliedOn: z.string(), resultDate: z.string(), year: z.number(),
  noticeId: z.string().nullable(), submittedAt: z.string().nullable(), decidedAt: z.string().nullable(), disbursedOn: z.string().nullable(),
  disbursedFen: z.number().nullable(), disbursementVoucher: z.string().nullable(), revokedAt: z.string().nullable(), revocationGround: ground.nullable(),
  revocationReason: z.string().nullable(), recoveryDueFen: z.number(), recoveredFen: z.number(), computation: computationView,
  people: z.array(z.object({ name: z.string(), role: personRole, idNumberMasked: z.string() })),
  canRevealIdNumbers: z.boolean(),
  materials: z.array(z.object({
    id: z.string(), kind: z.enum(MATERIAL_KINDS), mediaType, sizeBytes: z.number(), storedName: z.string(), uploadedAt: z.string(),
  })),
  events: z.array(z.object({
    action: z.string(), fromStatus: z.string().nullable(), toStatus: z.string().nullable(), actorName: z.string(), comment: z.string().nullable(), at: z.string(),
  })),
  objections: z.array(z.object({
    id: z.string(), noticeId: z.string(), receivedOn: z.string(), objector: z.string(), content: z.string(), outcome: objectionOutcome.nullable(),
    handling: z.string().nullable(),
  })),
  recoveries: z.array(z.object({ amountFen: z.number(), recoveredOn: z.string(), note: z.string().nullable() })),
});
const idResult = z.object({ id: z.string() });
/** A step of the procedure taken: the application's new status. */
const statusResult = z.object({ id: z.string(), status: applicationStatus });
const noticeRow = z.object({
  id: z.string(), ref: z.number(), year: z.number(), title: z.string(), publishedOn: z.string(), startsOn: z.string(), endsOn: z.string(),
  state: noticeState, applications: z.number(), totalFen: z.number(), pendingObjections: z.number(),
});
const noticeDetail = z.object({
  id: z.string(), ref: z.number(), year: z.number(), title: z.string(), publishedOn: z.string(), startsOn: z.string(), endsOn: z.string(),
  days: z.number(), publishedByName: z.string(), reportedAt: z.string().nullable(), state: noticeState,
  items: z.array(z.object({
    applicationId: z.string(), ref: z.number(), summary: z.string(), applicantName: z.string(),
    // As stored in the notice (NoticeItem): the role is the payee role's name, typed as text there.
    lines: z.array(z.object({ payee: z.string(), role: z.string(), amountFen: z.number(), funding })),
    totalFen: z.number(), status: applicationStatus,
  })),
  totalFen: z.number(),
  objections: z.array(z.object({
    id: z.string(), applicationId: z.string(), receivedOn: z.string(), objector: z.string(), content: z.string(), outcome: objectionOutcome.nullable(),
    handling: z.string().nullable(), handledAt: z.string().nullable(),
  })),
});
const plan = z.object({
  year: z.number(), totalFen: z.number(), prefectureFen: z.number(), countyFen: z.number(),
  byRole: z.array(z.object({ role: payeeRole, label: z.string(), lines: z.number(), amountFen: z.number() })),
  byFunding: z.array(z.object({ funding, payer: z.string(), amountFen: z.number() })),
  applications: z.array(z.object({
    id: z.string(), ref: z.number(), status: applicationStatus, summary: z.string(), applicantName: z.string(), resultDate: z.string(), totalFen: z.number(),
    lines: z.array(z.object({ payee: z.string(), role: payeeRole, amountFen: z.number(), funding, basis: z.string() })),
  })),
});
const ledger = z.object({
  disbursements: z.array(z.object({
    applicationId: z.string(), ref: z.number(), summary: z.string(), paidOn: z.string().nullable(), amountFen: z.number(), voucher: z.string().nullable(),
    revoked: z.boolean(),
  })),
  revocations: z.array(z.object({
    applicationId: z.string(), ref: z.number(), summary: z.string(), revokedAt: z.string().nullable(), ground: ground.nullable(), reason: z.string().nullable(),
    recoveryDueFen: z.number(), recoveredFen: z.number(), outstandingFen: z.number(),
  })),
  recoveries: z.array(z.object({ applicationId: z.string(), ref: z.number(), amountFen: z.number(), recoveredOn: z.string(), note: z.string().nullable() })),
  countyObligations: z.array(z.object({
    county: z.string(), amountFen: z.number(),
    lines: z.array(z.object({ amountFen: z.number(), basis: z.string(), applicationId: z.string(), ref: z.number(), summary: z.string(), status: applicationStatus })),
  })),
});

export const awardsRoutes: FastifyPluginAsyncZod = async (app) => {
  const { database, config, now } = app.ctx;
  const tags = ['awards'];
  const today = () => urumqiDate(now());
  // The key is loaded (or made) on first use, not at start-up.
  const box = () => secretBoxFor(config);
  const library = () => new ArticleLibrary(database.db);

  app.post('/awards/compute', { schema: { tags, body: z.strictObject({ entry: entrySchema, appliedOn: isoDate.optional() }), response: { 200: computationView.extend({ appliedOn: z.string() }) } } }, async (req) => {
    const appliedOn = req.body.appliedOn ?? today();
    const { computation, entry } = computeEntry(req.body.entry, appliedOn);
    return { appliedOn, ...(await withArticles(computation, entry?.date ?? null, library())) };
  });

  app.get('/awards/template.xlsx', { schema: { tags } }, async (_req, reply) => sendFile(reply, await resultsTemplateXlsx(), '体育奖励成绩导入模板.xlsx', XLSX));

  app.post(
    '/awards/import',
    { schema: { tags, response: { 200: z.object({ rows: z.array(z.object({ row: z.number(), entry: rawEntry, computation })), ignoredColumns: z.array(z.string()) }) } } },
    async (req) => readResultsXlsx((await uploadedFile(req, SHEET_MAX_BYTES)).bytes, today()),
  );

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
        response: { 200: z.object({ items: z.array(applicationRow), total: z.number(), totalCapped: z.boolean() }) },
      },
    },
    async (req) => listAwardApplications(database.db, userActorOf(req), req.query),
  );

  app.post('/awards/applications', { schema: { tags, body: applicationBody, response: { 201: z.object({ id: z.string(), ref: z.number() }) } } }, async (req, reply) =>
    reply.status(201).send(await createAwardApplication(database, userActorOf(req), box(), req.body, today())),
  );

  app.get('/awards/applications/:id', { schema: { tags, params: idParams, response: { 200: applicationDetail } } }, async (req) => getAwardApplication(database.db, userActorOf(req), req.params.id, library()));

  app.patch('/awards/applications/:id', { schema: { tags, params: idParams, body: applicationBody, response: { 200: idResult } } }, async (req) =>
    updateAwardApplication(database, userActorOf(req), box(), req.params.id, req.body, today()),
  );

  app.get(
    '/awards/applications/:id/id-numbers',
    { schema: { tags, params: idParams, response: { 200: z.object({ items: z.array(z.object({ name: z.string(), role: personRole, idNumber: z.string() })) }) } } },
    async (req) => revealAwardIdNumbers(database, userActorOf(req), box(), req.params.id),
  );

  app.post(
    '/awards/applications/:id/materials',
    {
      schema: {
        tags,
        params: idParams,
        querystring: z.strictObject({ kind: z.enum(MATERIAL_KINDS) }),
        response: { 201: z.object({ id: z.string(), kind: z.enum(MATERIAL_KINDS), mediaType, sizeBytes: z.number() }) },
      },
    },
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
  app.delete('/awards/applications/:id/materials/:materialId', { schema: { tags, params: materialParams, response: { 200: idResult } } }, async (req) =>
    removeAwardMaterial(database, userActorOf(req), req.params.id, req.params.materialId),
  );

  app.post('/awards/applications/:id/submit', { schema: { tags, params: idParams, body: z.strictObject({ comment }).nullish(), response: { 200: statusResult } } }, async (req) =>
    submitAwardApplication(database, userActorOf(req), req.params.id, today(), req.body?.comment ?? null),
  );
  app.post(
    '/awards/applications/:id/review',
    { schema: { tags, params: idParams, body: z.strictObject({ decision: z.enum(['pass', 'return']), comment }), response: { 200: statusResult } } },
    async (req) => reviewAwardApplication(database, userActorOf(req), req.params.id, { decision: req.body.decision, comment: req.body.comment ?? null }),
  );
  app.post('/awards/applications/:id/approve', { schema: { tags, params: idParams, body: z.strictObject({ comment }).nullish(), response: { 200: statusResult } } }, async (req) =>
    approveAwardApplication(database, userActorOf(req), req.params.id, req.body?.comment ?? null),
  );
  app.post(
    '/awards/applications/:id/decline',
    { schema: { tags, params: idParams, body: z.strictObject({ comment: z.string().max(2000) }), response: { 200: statusResult } } },
    async (req) => declineAwardApplication(database, userActorOf(req), req.params.id, req.body.comment),
  );
  app.post(
    '/awards/applications/:id/disburse',
    {
      schema: {
        tags,
        params: idParams,
        body: z.strictObject({ paidOn: isoDate, voucher: z.string().trim().min(1, '请填写拨付凭证号').max(100) }),
        response: { 200: statusResult.extend({ disbursedFen: z.number() }) },
      },
    },
    async (req) => disburseAwardApplication(database, userActorOf(req), req.params.id, req.body, today()),
  );
  app.post(
    '/awards/applications/:id/revoke',
    {
      schema: {
        tags,
        params: idParams,
        body: z.strictObject({ ground, reason: z.string().max(2000) }),
        response: { 200: statusResult.extend({ recoveryDueFen: z.number() }) },
      },
    },
    async (req) => revokeAwardApplication(database, userActorOf(req), req.params.id, req.body),
  );
  app.post(
    '/awards/applications/:id/recoveries',
    {
      schema: {
        tags,
        params: idParams,
        body: z.strictObject({ amountFen: z.number().int().positive('追回金额应为正数'), recoveredOn: isoDate, note: z.string().max(500).nullable().optional() }),
        response: { 201: z.object({ id: z.string(), outstandingFen: z.number() }) },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await recordAwardRecovery(database, userActorOf(req), req.params.id, { ...req.body, note: req.body.note ?? null }, today())),
  );

  app.get('/awards/notices', { schema: { tags, response: { 200: z.object({ items: z.array(noticeRow) }) } } }, async () => ({ items: await listAwardNotices(database.db, today()) }));
  app.post(
    '/awards/notices',
    {
      schema: {
        tags,
        body: z.strictObject({ applicationIds: z.array(id).min(1, '请选择要公示的申请').max(500), title: z.string().max(200).nullable().optional() }),
        response: { 201: z.object({ id: z.string(), ref: z.number(), startsOn: z.string(), endsOn: z.string() }) },
      },
    },
    async (req, reply) => reply.status(201).send(await publishAwardNotice(database, userActorOf(req), req.body, today())),
  );
  app.get('/awards/notices/:id', { schema: { tags, params: idParams, response: { 200: noticeDetail } } }, async (req) => getAwardNotice(database.db, req.params.id, today()));
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
        response: { 201: idResult },
      },
    },
    async (req, reply) => reply.status(201).send(await recordAwardObjection(database, userActorOf(req), req.params.id, req.body, today())),
  );
  app.post(
    '/awards/objections/:id/handle',
    { schema: { tags, params: idParams, body: z.strictObject({ outcome: objectionOutcome, handling: z.string().max(4000) }), response: { 200: z.object({ id: z.string(), outcome: objectionOutcome }) } } },
    async (req) => handleAwardObjection(database, userActorOf(req), req.params.id, req.body),
  );
  app.post('/awards/notices/:id/report', { schema: { tags, params: idParams, response: { 200: z.object({ id: z.string(), reported: z.number() }) } } }, async (req) => reportAwardNotice(database, userActorOf(req), req.params.id, today()));

  const yearParams = z.strictObject({ year: z.coerce.number().int().min(2000).max(2200) });
  app.get('/awards/plans/:year', { schema: { tags, params: yearParams, response: { 200: plan } } }, async (req) => awardPlan(database.db, userActorOf(req), req.params.year));
  app.get('/awards/plans/:year/plan.xlsx', { schema: { tags, params: yearParams } }, async (req, reply) =>
    sendFile(reply, await planXlsx(await awardPlan(database.db, userActorOf(req), req.params.year)), `${req.params.year}年度奖励方案.xlsx`, XLSX),
  );
  app.get('/awards/plans/:year/plan.docx', { schema: { tags, params: yearParams } }, async (req, reply) =>
    sendFile(reply, await planDocx(await awardPlan(database.db, userActorOf(req), req.params.year)), `${req.params.year}年度奖励方案.docx`, DOCX),
  );

  app.get(
    '/awards/ledger',
    { schema: { tags, querystring: z.strictObject({ year: z.coerce.number().int().min(2000).max(2200).optional() }), response: { 200: ledger } } },
    async (req) => awardLedger(database.db, userActorOf(req), req.query.year ?? null),
  );
};
