import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { getDocument } from '../../services/documents/get-document.js';
import { importDocuments } from '../../services/documents/import-documents.js';
import { searchDocuments } from '../../services/documents/search-documents.js';
import { userActorOf } from '../context.js';

const listItem = z.object({
  id: z.string(),
  docNumber: z.string(),
  title: z.string(),
  issuer: z.string().nullable(),
  signedOn: z.string().nullable(),
  attachments: z.number(),
  importedAt: z.string(),
  snippet: z.string().nullable(),
});

const attachment = z.object({ number: z.number(), title: z.string(), listedOn: z.number().nullable(), titleLine: z.number().nullable() });

const detail = z.object({
  id: z.string(),
  docNumber: z.string(),
  issuerCode: z.string(),
  year: z.number(),
  sequence: z.number(),
  title: z.string(),
  recipients: z.array(z.string()),
  recipientsRaw: z.string().nullable(),
  issuer: z.string().nullable(),
  signedOn: z.string().nullable(),
  attachments: z.array(attachment),
  structure: z.record(z.string(), z.unknown()),
  originalText: z.string(),
  firstLine: z.number(),
  contentHash: z.string(),
  sourceName: z.string().nullable(),
  importedBy: z.string().nullable(),
  importedAt: z.string(),
});

const importReport = z.object({
  documents: z.array(
    z.object({
      id: z.string(),
      docNumber: z.string(),
      title: z.string(),
      signedOn: z.string().nullable(),
      source: z.string(),
      line: z.number(),
      status: z.enum(['added', 'unchanged']),
    }),
  ),
  added: z.number(),
  unchanged: z.number(),
  built: z.array(z.object({ importer: z.string(), docNumber: z.string(), label: z.string(), items: z.array(z.string()) })),
  warnings: z.array(z.object({ line: z.number(), message: z.string(), source: z.string() })),
});

/** Import text is a few hundred KB at most; 10 MB leaves room for a year's worth pasted at once. */
const IMPORT_BODY_LIMIT = 10 * 1024 * 1024;

export const documentsRoutes: FastifyPluginAsyncZod = async (app) => {
  const { database } = app.ctx;
  const tags = ['documents'];

  app.get(
    '/documents',
    {
      config: { readCache: true },
      schema: {
        tags,
        description: '公文列表与检索：按标题、发文字号或全文（中文子串）',
        querystring: z.strictObject({
          q: z.string().max(200).optional(),
          field: z.enum(['all', 'title', 'number', 'text']).optional(),
          page: z.coerce.number().int().min(1).optional(),
          pageSize: z.coerce.number().int().min(1).max(200).optional(),
        }),
        response: { 200: z.object({ items: z.array(listItem), total: z.number() }) },
      },
    },
    async (req) => searchDocuments(database.db, req.query),
  );

  app.get(
    '/documents/:id',
    {
      config: { readCache: true },
      schema: {
        tags,
        description: '一份公文：按编号或发文字号',
        params: z.strictObject({ id: z.string().min(1).max(100) }),
        response: { 200: detail },
      },
    },
    async (req) => getDocument(database.db, req.params.id),
  );

  app.post(
    '/documents/import',
    {
      bodyLimit: IMPORT_BODY_LIMIT,
      schema: {
        tags,
        description: '导入公文文本（UTF-8，一份或多份）：全部成功或全部不导入；解析错误返回 422 并指明行号',
        body: z.strictObject({ text: z.string().max(IMPORT_BODY_LIMIT), sourceName: z.string().max(200).optional() }),
        response: { 200: importReport },
      },
    },
    async (req) => importDocuments(database, userActorOf(req), req.body.text, { source: req.body.sourceName?.trim() || '粘贴文本' }),
  );
};
