import { createHash, randomBytes } from 'node:crypto';
import { DomainError } from '../../domain/errors.js';

/** Largest attachment accepted (bytes): press releases, Q&A, scanned requests, report evidence. */
export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;

export type FileType = 'pdf' | 'docx' | 'doc' | 'xlsx' | 'jpg' | 'png';

export const FILE_TYPE_INFO: Record<FileType, { contentType: string; label: string }> = {
  pdf: { contentType: 'application/pdf', label: 'PDF' },
  docx: { contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', label: 'Word（.docx）' },
  doc: { contentType: 'application/msword', label: 'Word 97-2003（.doc）' },
  xlsx: { contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', label: 'Excel（.xlsx）' },
  jpg: { contentType: 'image/jpeg', label: 'JPEG 图片' },
  png: { contentType: 'image/png', label: 'PNG 图片' },
};

const OLE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
const ZIP = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/**
 * What the bytes are, whatever the file is called or the browser claims: magic numbers, and for
 * the Office zip formats the part names in the archive (word/… or xl/…). Null for anything else.
 */
export function sniffFileType(bytes: Buffer): FileType | null {
  if (bytes.subarray(0, 5).toString('latin1') === '%PDF-') return 'pdf';
  if (bytes.subarray(0, 8).equals(OLE)) return 'doc';
  if (bytes.subarray(0, 8).equals(PNG)) return 'png';
  if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'jpg';
  if (bytes.subarray(0, 4).equals(ZIP)) {
    const names = bytes.toString('latin1');
    if (names.includes('word/document.xml')) return 'docx';
    if (names.includes('xl/workbook.xml')) return 'xlsx';
  }
  return null;
}

export interface AcceptedFile {
  type: FileType;
  contentType: string;
  size: number;
  sha256: string;
  /** Generated here: never the uploader's name. */
  fileName: string;
  /** The uploader's name, cleaned, for display only. */
  originalName: string;
}

/** Checks an upload against the allowed types and names it. */
export function acceptFile(bytes: Buffer, originalName: string, allowed: readonly FileType[], baseName: string, today: string): AcceptedFile {
  if (bytes.length === 0) throw new DomainError('EMPTY_FILE', '文件为空', 400);
  if (bytes.length > MAX_ATTACHMENT_BYTES) throw new DomainError('FILE_TOO_LARGE', `文件过大：不超过 ${MAX_ATTACHMENT_BYTES / 1024 / 1024} MB`, 413);
  const type = sniffFileType(bytes);
  if (!type || !allowed.includes(type)) {
    const labels = allowed.map((t) => FILE_TYPE_INFO[t].label).join('、');
    throw new DomainError('FILE_TYPE_NOT_ALLOWED', `文件类型不符合要求：只接受 ${labels}（按文件内容识别，与扩展名无关）`, 415);
  }
  return {
    type,
    contentType: FILE_TYPE_INFO[type].contentType,
    size: bytes.length,
    sha256: createHash('sha256').update(bytes).digest('hex'),
    fileName: `${baseName}-${today.replaceAll('-', '')}-${randomBytes(3).toString('hex')}.${type}`,
    originalName: cleanName(originalName),
  };
}

/** Control characters, path parts and over-long names removed; display text only. */
export function cleanName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  const cleaned = base.replace(/[\u0000-\u001f\u007f<>"]/g, '').trim().slice(0, 120);
  return cleaned || '未命名文件';
}

/** Content-Disposition for a download: always an attachment, the name in both forms (RFC 6266). */
export function attachmentDisposition(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}
