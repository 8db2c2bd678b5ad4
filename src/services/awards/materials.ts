/**
 * 第十九条 materials (成绩册, 秩序册 or 获奖证书, 身份证复印件). The type is decided by the file's
 * first bytes, never by its name or the browser's claim; only PDF, JPEG and PNG are kept. The
 * content is stored encrypted under a name the server makes; the ID-card copy is personal data and
 * is shown only to the applicant and to the roles that need ID numbers, each view audited.
 */
import { createHash, randomUUID } from 'node:crypto';
import { and, asc, eq, sql } from 'drizzle-orm';
import type { Database, Db } from '../../db/client.js';
import { awardMaterials } from '../../db/schema/index.js';
import { hasPermission } from '../../domain/auth/roles.js';
import { DomainError, errors } from '../../domain/errors.js';
import { isEditable, MATERIAL_LABEL, type MaterialKind } from '../../domain/awards/index.js';
import type { Actor } from '../actor.js';
import { recordAudit, runAudited } from '../audit/audit.service.js';
import type { SecretBox } from '../crypto.js';
import { isApplicant, visibleApplication } from './access.js';
import { recordEvent } from './records.js';

export const MATERIAL_MAX_BYTES = 10 * 1024 * 1024;
const MATERIALS_PER_APPLICATION = 20;

export type MaterialMediaType = 'application/pdf' | 'image/jpeg' | 'image/png';

const SIGNATURES: { type: MaterialMediaType; ext: string; magic: number[] }[] = [
  { type: 'application/pdf', ext: 'pdf', magic: [0x25, 0x50, 0x44, 0x46, 0x2d] }, // %PDF-
  { type: 'image/jpeg', ext: 'jpg', magic: [0xff, 0xd8, 0xff] },
  { type: 'image/png', ext: 'png', magic: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
];

/** The media type by content sniffing, or null for anything that is not PDF, JPEG or PNG. */
export function sniffMaterialType(content: Buffer): { type: MaterialMediaType; ext: string } | null {
  const found = SIGNATURES.find((s) => content.length > s.magic.length && s.magic.every((b, i) => content[i] === b));
  return found ? { type: found.type, ext: found.ext } : null;
}

const materialContext = (materialId: string) => `award-material:${materialId}`;

export async function addAwardMaterial(database: Database, actor: Actor, box: SecretBox, applicationId: string, kind: MaterialKind, content: Buffer) {
  if (content.length === 0) throw errors.validation('上传的文件是空的');
  if (content.length > MATERIAL_MAX_BYTES) throw new DomainError('FILE_TOO_LARGE', `文件过大：每个文件不超过 ${MATERIAL_MAX_BYTES / 1024 / 1024} MB`, 413);
  const sniffed = sniffMaterialType(content);
  if (!sniffed) throw new DomainError('UNSUPPORTED_FILE_TYPE', '只接受 PDF、JPG、PNG 格式的文件（按文件内容识别）', 415);
  const id = randomUUID();
  return runAudited(database, actor, { action: 'award.material.add', object: `award-application:${applicationId}`, details: { kind, mediaType: sniffed.type, sizeBytes: content.length } }, async (tx) => {
    const row = await visibleApplication(tx, actor, applicationId);
    if (!isApplicant(actor, row)) throw errors.forbidden('只有申请人本人可以上传材料');
    if (!isEditable(row.status)) throw errors.badState('只有草稿或退回修改的申请可以上传材料');
    const [{ n }] = await tx.select({ n: sql<number>`count(*)::int` }).from(awardMaterials).where(eq(awardMaterials.applicationId, applicationId));
    if (n >= MATERIALS_PER_APPLICATION) throw errors.badState(`每份申请最多上传 ${MATERIALS_PER_APPLICATION} 个文件`);
    await tx.insert(awardMaterials).values({
      id,
      applicationId,
      kind,
      storedName: `${id}.${sniffed.ext}`,
      mediaType: sniffed.type,
      sizeBytes: content.length,
      sha256: createHash('sha256').update(content).digest('hex'),
      contentSealed: box.sealBytes(content, materialContext(id)),
      uploadedBy: actor.userId as string,
    });
    await recordEvent(tx, actor, applicationId, { action: 'material', comment: `上传${MATERIAL_LABEL[kind]}` });
    return { id, kind, mediaType: sniffed.type, sizeBytes: content.length };
  });
}

export async function removeAwardMaterial(database: Database, actor: Actor, applicationId: string, materialId: string) {
  return runAudited(database, actor, { action: 'award.material.remove', object: `award-application:${applicationId}`, details: { materialId } }, async (tx) => {
    const row = await visibleApplication(tx, actor, applicationId);
    if (!isApplicant(actor, row)) throw errors.forbidden('只有申请人本人可以删除材料');
    if (!isEditable(row.status)) throw errors.badState('只有草稿或退回修改的申请可以删除材料');
    const removed = await tx
      .delete(awardMaterials)
      .where(and(eq(awardMaterials.id, materialId), eq(awardMaterials.applicationId, applicationId)))
      .returning({ kind: awardMaterials.kind });
    if (removed.length === 0) throw errors.notFound('材料');
    await recordEvent(tx, actor, applicationId, { action: 'material', comment: `删除${MATERIAL_LABEL[removed[0].kind]}` });
    return { id: materialId };
  });
}

/** A material's content for download. Viewing an ID-card copy is audited like viewing an ID number. */
export async function readAwardMaterial(database: Database, actor: Actor, box: SecretBox, applicationId: string, materialId: string) {
  const row = await visibleApplication(database.db, actor, applicationId);
  const [m] = await database.db
    .select()
    .from(awardMaterials)
    .where(and(eq(awardMaterials.id, materialId), eq(awardMaterials.applicationId, applicationId)));
  if (!m) throw errors.notFound('材料');
  if (m.kind === 'id-card') {
    if (!isApplicant(actor, row) && !hasPermission(actor.roles, 'awards:read-id')) throw errors.forbidden('身份证复印件仅申请人和审核、财务人员可查看');
    await recordAudit(database, actor, { action: 'award.id-card.view', object: `award-application:${applicationId}`, details: { materialId } });
  }
  const content = box.openBytes(m.contentSealed, materialContext(m.id));
  const position = await materialPosition(database.db, applicationId, m.id, m.kind);
  return { content, mediaType: m.mediaType, filename: `奖励申请${row.ref}-${MATERIAL_LABEL[m.kind]}-${position}.${m.storedName.split('.').pop()}` };
}

async function materialPosition(db: Db, applicationId: string, materialId: string, kind: MaterialKind): Promise<number> {
  const same = await db
    .select({ id: awardMaterials.id })
    .from(awardMaterials)
    .where(and(eq(awardMaterials.applicationId, applicationId), eq(awardMaterials.kind, kind)))
    .orderBy(asc(awardMaterials.uploadedAt), asc(awardMaterials.id));
  return same.findIndex((s) => s.id === materialId) + 1;
}
