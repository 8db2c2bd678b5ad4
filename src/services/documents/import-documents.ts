import { and, eq } from 'drizzle-orm';
import type { Database, Db } from '../../db/client.js';
import { documents } from '../../db/schema/index.js';
import {
  contentHash,
  DocumentParseError,
  normalizeForSearch,
  parseDocuments,
  searchGrams,
  tsvectorLiteral,
  type OfficialDocument,
  type ParseWarning,
} from '../../domain/documents/index.js';
import { DomainError } from '../../domain/errors.js';
import type { Actor } from '../actor.js';
import { runAudited } from '../audit/audit.service.js';
import { DOCUMENT_IMPORTERS, type ImporterOutcome } from './importers.js';

export interface ImportSource {
  /** File name, or 粘贴文本 for pasted text: named in errors and in the audit record. */
  name: string;
  text: string;
}

export interface ImportedDocument {
  id: string;
  docNumber: string;
  title: string;
  signedOn: string | null;
  source: string;
  line: number;
  status: 'added' | 'unchanged';
}

export interface BuiltRecords extends ImporterOutcome {
  importer: string;
  docNumber: string;
}

export interface ImportReport {
  documents: ImportedDocument[];
  added: number;
  unchanged: number;
  built: BuiltRecords[];
  warnings: (ParseWarning & { source: string })[];
}

/** One text (a file or pasted text) holding one or more 公文. See importDocumentSources. */
export function importDocuments(database: Database, actor: Actor, text: string, options: { source: string }): Promise<ImportReport> {
  return importDocumentSources(database, actor, [{ name: options.source, text }]);
}

/**
 * Imports every document of every source in one transaction: all or nothing. A text that cannot
 * be parsed fails with the line that stopped the parser (422, code DOCUMENT_PARSE). A document
 * already stored under its 发文字号 with the same content hash is left unchanged; the same number
 * with other content is refused (409, DOCUMENT_CONFLICT): a 发文字号 names one document, and a
 * changed text under an old number is an error to be looked at, not a silent new version.
 * Each newly stored document then goes through DOCUMENT_IMPORTERS (the directory builds bodies).
 */
export async function importDocumentSources(database: Database, actor: Actor, sources: ImportSource[]): Promise<ImportReport> {
  // One object, filled in by the work: a failed import is recorded under the same action.
  const audit = { action: 'documents.import', object: `documents:${sources.map((s) => s.name).join('、')}`, details: {} as Record<string, unknown> };
  return runAudited(
    database,
    actor,
    audit,
    async (tx) => {
      const parsed = sources.map((source) => ({ source, ...parseSource(source, sources.length > 1) }));
      const report: ImportReport = { documents: [], added: 0, unchanged: 0, built: [], warnings: [] };
      const seen = new Map<string, string>();
      for (const { source, documents: docs, warnings } of parsed) {
        report.warnings.push(...warnings.map((w) => ({ ...w, source: source.name })));
        for (const doc of docs) {
          const hash = contentHash(doc);
          const earlier = seen.get(doc.docNumber.text);
          if (earlier !== undefined && earlier !== hash) throw conflict(doc, source.name, '同一批文本中出现两次且内容不同');
          seen.set(doc.docNumber.text, hash);
          const stored = await storeDocument(tx, doc, hash, source.name, actor);
          report.documents.push(stored);
          if (stored.status === 'unchanged') continue;
          report.built.push(...(await runImporters(tx, doc, stored.id)));
        }
      }
      report.added = report.documents.filter((d) => d.status === 'added').length;
      report.unchanged = report.documents.length - report.added;
      audit.details.added = report.documents.filter((d) => d.status === 'added').map((d) => d.docNumber);
      audit.details.unchanged = report.documents.filter((d) => d.status === 'unchanged').map((d) => d.docNumber);
      return report;
    },
  );
}

function parseSource(source: ImportSource, named: boolean): { documents: readonly OfficialDocument[]; warnings: readonly ParseWarning[] } {
  const bad = source.text.indexOf('\uFFFD');
  if (bad >= 0) {
    const line = source.text.slice(0, bad).split(/\r\n|\r|\n/).length;
    throw new DomainError('DOCUMENT_PARSE', `${named ? `${source.name}：` : ''}第${line}行：含有无法识别的字符，文件可能不是 UTF-8 编码`, 422, { line, source: source.name });
  }
  try {
    return parseDocuments(source.text);
  } catch (error) {
    if (!(error instanceof DocumentParseError)) throw error;
    const message = named ? `${source.name}：${error.message}` : error.message;
    throw new DomainError(error.code, message, 422, { line: error.line, source: source.name });
  }
}

function conflict(doc: OfficialDocument, source: string, why: string): DomainError {
  const line = doc.lines.docNumber.start;
  return new DomainError(
    'DOCUMENT_CONFLICT',
    `第${line}行：${doc.docNumber.text}${why}；同一发文字号只能对应一份公文，未导入任何内容`,
    409,
    { line, source, docNumber: doc.docNumber.text },
  );
}

async function storeDocument(tx: Db, doc: OfficialDocument, hash: string, sourceName: string, actor: Actor): Promise<ImportedDocument> {
  const base = { docNumber: doc.docNumber.text, title: doc.title, signedOn: doc.signedOn, source: sourceName, line: doc.lines.document.start };
  const [existing] = await tx
    .select({ id: documents.id, contentHash: documents.contentHash })
    .from(documents)
    .where(and(eq(documents.jurisdiction, '654000'), eq(documents.docNumber, doc.docNumber.text)));
  if (existing) {
    if (existing.contentHash !== hash) throw conflict(doc, sourceName, '已导入，但本次文本内容与已导入的不同');
    return { id: existing.id, ...base, status: 'unchanged' };
  }
  const [row] = await tx.insert(documents).values(documentRow(doc, hash, sourceName, actor)).returning({ id: documents.id });
  return { id: row.id, ...base, status: 'added' };
}

/** The stored form of a parsed document: its elements, its text as published, and its search forms. */
export function documentRow(doc: OfficialDocument, hash: string, sourceName: string, actor: Pick<Actor, 'username'>) {
  const { source, ...structure } = doc;
  const originalText = source.map((l) => l.text).join('\n');
  const searchText = normalizeForSearch(`${doc.title}\n${doc.docNumber.text}\n${originalText}`);
  return {
    docNumber: doc.docNumber.text,
    issuerCode: doc.docNumber.issuerCode,
    year: doc.docNumber.year,
    sequence: doc.docNumber.sequence,
    title: doc.title,
    recipients: [...(doc.recipients?.organizations ?? [])],
    recipientsRaw: doc.recipients?.raw ?? null,
    issuer: doc.issuer,
    signedOn: doc.signedOn,
    attachments: doc.attachments.map((a) => ({ number: a.number, title: a.title, listedOn: a.listedOn, titleLine: a.titleLine })),
    originalText,
    firstLine: source[0]?.line ?? 1,
    structure: structure as unknown as Record<string, unknown>,
    contentHash: hash,
    sourceName,
    titleSearch: normalizeForSearch(doc.title),
    numberSearch: normalizeForSearch(doc.docNumber.text),
    searchText,
    searchVector: tsvectorLiteral(searchGrams(searchText)),
    importedBy: actor.username,
  };
}

async function runImporters(tx: Db, doc: OfficialDocument, documentId: string): Promise<BuiltRecords[]> {
  const built: BuiltRecords[] = [];
  for (const importer of DOCUMENT_IMPORTERS) {
    if (!importer.appliesTo(doc)) continue;
    const outcome = await importer.build(tx, doc, documentId);
    if (outcome) built.push({ importer: importer.name, docNumber: doc.docNumber.text, ...outcome });
  }
  return built;
}
