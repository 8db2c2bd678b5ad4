import type { MultipartFile } from '@fastify/multipart';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { DomainError } from '../../domain/errors.js';
import { attachmentDisposition } from '../../services/press/index.js';

/** Downloads and uploads shared by the modules' routes. */
export const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** A file to save (never shown inline), under its Chinese name, not cached. */
export function sendFile(reply: FastifyReply, content: Buffer, fileName: string, contentType: string) {
  return reply
    .header('content-type', contentType)
    .header('content-disposition', attachmentDisposition(fileName))
    .header('x-content-type-options', 'nosniff')
    .header('cache-control', 'private, no-store')
    .send(content);
}

/** The one uploaded file of a multipart request, read whole within `maxBytes`. */
export async function uploadedFile(req: FastifyRequest, maxBytes: number): Promise<{ bytes: Buffer; originalName: string }> {
  let file: MultipartFile | undefined;
  try {
    file = await req.file({ limits: { fileSize: maxBytes, files: 1 } });
  } catch {
    throw new DomainError('BAD_UPLOAD', '请以 multipart/form-data 方式上传文件', 400);
  }
  if (!file) throw new DomainError('BAD_UPLOAD', '没有收到文件', 400);
  try {
    return { bytes: await file.toBuffer(), originalName: file.filename };
  } catch {
    throw new DomainError('FILE_TOO_LARGE', `文件过大：不超过 ${Math.floor(maxBytes / 1024 / 1024)} MB`, 413);
  }
}
