import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errors } from '../../domain/errors.js';
import { PRESS_FORM_STATUS_LABELS } from '../../domain/press/index.js';
import { urumqiDate } from '../../domain/shared/dates.js';
import {
  addMedia, addPressAttachment, approvalFormDocx, approvalFormTitle, attachmentDisposition, createFeedToken, createPlannedForm,
  feedTokenInfo, getFormDetail, listConferences, listMedia, listPressPlans, MAX_ATTACHMENT_BYTES, pressReminders, pressStatistics,
  readPressAttachment, recordMediaNotification, removePressAttachment, requestAdHocConference, runPressFormAction, unitIcsFeed,
  updateMedia, updatePressForm, type FormActionInput,
} from '../../services/press/index.js';
import { userActorOf } from '../context.js';
import { DOCX, sendFile, uploadedFile } from './files.js';

const uuid = z.uuid({ message: '编号格式不正确' });
const idParams = z.strictObject({ id: uuid });
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD');
const time = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, '时间格式应为 HH:MM');
const statuses = Object.keys(PRESS_FORM_STATUS_LABELS) as [keyof typeof PRESS_FORM_STATUS_LABELS, ...(keyof typeof PRESS_FORM_STATUS_LABELS)[]];
const status = z.enum(statuses);
const formKind = z.enum(['prefecture-department', 'county']);
const year = z.coerce.number().int().min(2000).max(2200);

const formFields = {
  startTime: time.nullable().optional(),
  endTime: time.nullable().optional(),
  venue: z.string().max(100).optional(),
  host: z.string().max(100).nullable().optional(),
  attendingLeaders: z.string().max(500).nullable().optional(),
  topic: z.string().max(200).optional(),
  printedCopiesConfirmed: z.boolean().optional(),
};

const formSummary = z.object({
  id: z.string(), status, conferenceDate: z.string(), startTime: z.string().nullable(), endTime: z.string().nullable(), venue: z.string(),
  sentOn: z.string().nullable(), filedOn: z.string().nullable(), heldOn: z.string().nullable(),
  deadline: z.string().nullable(), calendarProblem: z.string().nullable(), late: z.boolean(),
});
const conference = z.object({
  id: z.string(), origin: z.enum(['planned', 'adHoc']), seq: z.number().nullable(), month: z.string(), topic: z.string(), unit: z.string(),
  organizationId: z.string(), organizationName: z.string(), formKind, ownUnit: z.boolean(), form: formSummary.nullable(),
});
const actionName = z.enum(['approveRequest', 'submit', 'approveByLeader', 'returnToDraft', 'send', 'file', 'hold']);
const formDetail = formSummary.extend({
  kind: formKind, host: z.string().nullable(), attendingLeaders: z.string().nullable(), topic: z.string(),
  printedCopiesConfirmed: z.boolean(), printedCopies: z.number(), requestText: z.string().nullable(), requestReply: z.string().nullable(),
  returnReason: z.string().nullable(), lateReason: z.string().nullable(), createdBy: z.string().nullable(),
  leaderApprovedBy: z.string().nullable(), filedBy: z.string().nullable(), updatedAt: z.string(),
  conference: z.object({
    id: z.string(), origin: z.enum(['planned', 'adHoc']), seq: z.number().nullable(), month: z.string(), topic: z.string(), unit: z.string(),
    organizationId: z.string(), organizationName: z.string(),
  }),
  plan: z.object({ year: z.number(), docNumber: z.string().nullable() }).nullable(),
  attachments: z.array(z.object({
    id: z.string(), kind: z.enum(['release', 'qa', 'request']), fileName: z.string(), originalName: z.string(), contentType: z.string(),
    size: z.number(), uploadedAt: z.string(),
  })),
  notifications: z.array(z.object({ id: z.string(), notifiedOn: z.string(), media: z.array(z.string()), note: z.string().nullable() })),
  actions: z.array(actionName),
  editable: z.boolean(),
});
const idResult = z.object({ id: z.string() });
const actionResult = z.object({ id: z.string(), status, late: z.boolean() });
const pressPlan = z.object({
  id: z.string(), year: z.number(), docNumber: z.string().nullable(), declaredCount: z.number().nullable(), conferences: z.number(),
  venue: z.string().nullable(), printedCopies: z.number().nullable(), leadWorkdays: z.number().nullable(),
  contact: z.object({ name: z.string(), phones: z.array(z.string()) }).nullable(),
});
const reminder = z.object({
  kind: z.enum(['deadline', 'overdue', 'noForm', 'calendar']), conferenceId: z.string(), formId: z.string().nullable(), topic: z.string(),
  organizationName: z.string(), message: z.string(), deadline: z.string().nullable(), workdaysLeft: z.number().nullable(),
});

export const pressRoutes: FastifyPluginAsyncZod = async (app) => {
  const { database, now } = app.ctx;
  const tags = ['press'];
  const today = () => urumqiDate(now());

  app.get('/press/plans', { schema: { tags, response: { 200: z.object({ items: z.array(pressPlan) }) } } }, async () => ({ items: await listPressPlans(database.db) }));

  app.get(
    '/press/conferences',
    { schema: { tags, querystring: z.strictObject({ year }), response: { 200: z.object({ items: z.array(conference) }) } } },
    async (req) => ({ items: await listConferences(database.db, userActorOf(req), req.query.year, today()) }),
  );

  app.post(
    '/press/conferences/:id/form',
    { schema: { tags, params: idParams, body: z.strictObject({ conferenceDate: isoDate, ...formFields }), response: { 201: idResult } } },
    async (req, reply) => reply.status(201).send(await createPlannedForm(database, userActorOf(req), req.params.id, req.body)),
  );

  app.post(
    '/press/ad-hoc',
    {
      schema: {
        tags,
        description: '临时新闻发布会：书面请示州政府新闻办，批复后填写审批单',
        body: z.strictObject({ conferenceDate: isoDate, topic: z.string().min(1).max(200), requestText: z.string().min(1).max(5000), startTime: time.nullable().optional() }),
        response: { 201: idResult },
      },
    },
    async (req, reply) => reply.status(201).send(await requestAdHocConference(database, userActorOf(req), req.body)),
  );

  app.get('/press/forms/:id', { schema: { tags, params: idParams, response: { 200: formDetail } } }, async (req) =>
    getFormDetail(database.db, userActorOf(req), req.params.id, today()),
  );

  app.patch(
    '/press/forms/:id',
    {
      schema: {
        tags, params: idParams,
        body: z.strictObject({ conferenceDate: isoDate.optional(), requestText: z.string().min(1).max(5000).optional(), ...formFields }),
        response: { 200: idResult },
      },
    },
    async (req) => updatePressForm(database, userActorOf(req), req.params.id, req.body),
  );

  const step = (path: string, body: z.ZodType | undefined, toInput: (body: unknown) => FormActionInput) =>
    app.post(
      `/press/forms/:id/${path}`,
      { schema: { tags, params: idParams, ...(body ? { body } : {}), response: { 200: actionResult } } },
      async (req) => runPressFormAction(database, userActorOf(req), req.params.id, toInput(req.body), today()),
    );
  const reasonBody = z.strictObject({ reason: z.string().min(1, '请填写原因').max(500) });
  const fileBody = z.strictObject({ lateReason: z.string().max(500).nullable().optional() });
  const replyBody = z.strictObject({ reply: z.string().max(1000).nullable().optional() });
  step('submit', undefined, () => ({ type: 'submit' }));
  step('approve', undefined, () => ({ type: 'approveByLeader' }));
  step('return', reasonBody, (b) => ({ type: 'returnToDraft', reason: reasonBody.parse(b).reason }));
  step('send', undefined, () => ({ type: 'send' }));
  step('file', fileBody, (b) => ({ type: 'file', lateReason: fileBody.parse(b ?? {}).lateReason }));
  step('approve-request', replyBody, (b) => ({ type: 'approveRequest', reply: replyBody.parse(b ?? {}).reply }));
  step('hold', undefined, () => ({ type: 'hold' }));

  app.get('/press/forms/:id/docx', { schema: { tags, params: idParams } }, async (req, reply) => {
    const form = await getFormDetail(database.db, userActorOf(req), req.params.id, today());
    return sendFile(reply, await approvalFormDocx(form), `${approvalFormTitle(form)}-${form.topic.slice(0, 30)}.docx`, DOCX);
  });

  app.post(
    '/press/forms/:id/attachments/:kind',
    {
      schema: {
        tags, description: '上传材料（multipart/form-data，一个文件，≤10MB；按内容识别 PDF/Word，书面请示另可为图片）',
        params: z.strictObject({ id: uuid, kind: z.enum(['release', 'qa', 'request']) }), response: { 201: z.object({ id: z.string(), fileName: z.string() }) },
      },
    },
    async (req, reply) => {
      const upload = await uploadedFile(req, MAX_ATTACHMENT_BYTES);
      return reply.status(201).send(await addPressAttachment(database, userActorOf(req), req.params.id, req.params.kind, upload, today()));
    },
  );

  app.get('/press/attachments/:id', { schema: { tags, params: idParams } }, async (req, reply) => {
    const file = await readPressAttachment(database.db, userActorOf(req), req.params.id);
    return sendFile(reply, file.content, file.fileName, file.contentType);
  });

  app.delete('/press/attachments/:id', { schema: { tags, params: idParams, response: { 200: idResult } } }, async (req) =>
    removePressAttachment(database, userActorOf(req), req.params.id),
  );

  app.post(
    '/press/forms/:id/notifications',
    { schema: { tags, params: idParams, body: z.strictObject({ mediaIds: z.array(uuid).min(1).max(200), note: z.string().max(500).nullable().optional() }), response: { 201: idResult } } },
    async (req, reply) => reply.status(201).send(await recordMediaNotification(database, userActorOf(req), req.params.id, req.body, today())),
  );

  const media = z.object({ id: z.string(), name: z.string(), contact: z.string().nullable(), phone: z.string().nullable(), active: z.boolean() });
  app.get('/press/media', { schema: { tags, response: { 200: z.object({ items: z.array(media) }) } } }, async () => ({ items: await listMedia(database.db) }));
  app.post(
    '/press/media',
    {
      schema: {
        tags,
        body: z.strictObject({ name: z.string().min(1).max(100), contact: z.string().max(50).nullable().optional(), phone: z.string().max(50).nullable().optional() }),
        response: { 201: idResult },
      },
    },
    async (req, reply) => reply.status(201).send(await addMedia(database, userActorOf(req), req.body)),
  );
  app.patch(
    '/press/media/:id',
    {
      schema: {
        tags, params: idParams,
        body: z.strictObject({
          name: z.string().min(1).max(100).optional(), contact: z.string().max(50).nullable().optional(), phone: z.string().max(50).nullable().optional(),
          active: z.boolean().optional(),
        }),
        response: { 200: idResult },
      },
    },
    async (req) => updateMedia(database, userActorOf(req), req.params.id, req.body),
  );

  app.get(
    '/press/reminders',
    { schema: { tags, response: { 200: z.object({ items: z.array(reminder) }) } } },
    async (req) => ({ items: await pressReminders(database.db, userActorOf(req), today()) }),
  );

  app.get(
    '/press/statistics',
    {
      schema: {
        tags, querystring: z.strictObject({ year }),
        response: {
          200: z.object({
            items: z.array(z.object({
              unit: z.string(), planned: z.number(), heldAsPlanned: z.number(), heldInPlannedMonth: z.number(), overdue: z.number(), upcoming: z.number(), heldAdHoc: z.number(),
            })),
          }),
        },
      },
    },
    async (req) => ({ items: await pressStatistics(database.db, req.query.year, today()) }),
  );

  const ownUnit = (req: FastifyRequest) => {
    const actor = userActorOf(req);
    if (!actor.organizationId) throw errors.forbidden('账号未关联单位，没有本单位的日历订阅');
    return { actor, organizationId: actor.organizationId };
  };
  app.get(
    '/press/feed',
    { schema: { tags, response: { 200: z.object({ organizationId: z.string(), exists: z.boolean(), createdAt: z.string().nullable() }) } } },
    async (req) => feedTokenInfo(database.db, ownUnit(req).organizationId),
  );
  app.post(
    '/press/feed',
    {
      schema: {
        tags, description: '生成本单位的日历订阅地址（旧地址随即失效；密钥只显示这一次）',
        response: { 201: z.object({ organizationId: z.string(), token: z.string(), path: z.string() }) },
      },
    },
    async (req, reply) => {
      const { actor, organizationId } = ownUnit(req);
      return reply.status(201).send(await createFeedToken(database, actor, organizationId));
    },
  );

  app.get(
    '/press/ics/:unitId',
    {
      config: { rateLimit: { max: 60, timeWindow: '1 minute' } },
      schema: { tags, description: '单位新闻发布会日历（iCalendar），供日历程序订阅；token 为本单位订阅密钥', params: z.strictObject({ unitId: uuid }), querystring: z.strictObject({ token: z.string().min(20).max(100) }) },
    },
    async (req, reply) => {
      const ics = await unitIcsFeed(database.db, req.params.unitId, req.query.token, now());
      return reply
        .header('content-type', 'text/calendar; charset=utf-8')
        .header('content-disposition', attachmentDisposition('新闻发布会.ics'))
        .header('cache-control', 'private, max-age=300')
        .header('referrer-policy', 'no-referrer')
        .send(ics);
    },
  );
};
