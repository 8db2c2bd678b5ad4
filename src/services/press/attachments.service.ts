import { eq } from 'drizzle-orm';
import type { Database, Db } from '../../db/client.js';
import { pressAttachments, pressForms } from '../../db/schema/index.js';
import { errors } from '../../domain/errors.js';
import type { IsoDate } from '../../domain/shared/dates.js';
import type { Actor } from '../actor.js';
import { runAudited } from '../audit/audit.service.js';
import { assertCanSeeForm, pressRolesFor } from './access.js';
import { loadForm } from './forms.queries.js';
import { acceptFile, type FileType } from './uploads.js';

export type PressAttachmentKind = 'release' | 'qa' | 'request';

export const PRESS_ATTACHMENT_LABELS: Record<PressAttachmentKind, string> = { release: '新闻发布稿', qa: '答记者问', request: '书面请示' };

/** Releases and Q&A are documents; a written request may also be a scan. */
const ALLOWED: Record<PressAttachmentKind, readonly FileType[]> = {
  release: ['pdf', 'docx', 'doc'],
  qa: ['pdf', 'docx', 'doc'],
  request: ['pdf', 'docx', 'doc', 'jpg', 'png'],
};

export async function addPressAttachment(
  database: Database,
  actor: Actor,
  formId: string,
  kind: PressAttachmentKind,
  upload: { bytes: Buffer; originalName: string },
  today: IsoDate,
) {
  const accepted = acceptFile(upload.bytes, upload.originalName, ALLOWED[kind], PRESS_ATTACHMENT_LABELS[kind], today);
  return runAudited(
    database,
    actor,
    (r: { id: string }) => ({ action: 'press.attachment.add', object: `press-form:${formId}`, details: { attachmentId: r.id, kind, sha256: accepted.sha256, size: accepted.size } }),
    async (tx) => {
      const { form } = await loadForm(tx, formId, true);
      if (!pressRolesFor(actor, form.organizationId).includes('unit')) throw errors.forbidden('只有发布单位可以上传材料');
      const open = kind === 'request' ? form.status === 'requested' : ['requested', 'approvedByNewsOffice', 'draft'].includes(form.status);
      if (!open) throw errors.badState('审批单当前状态下不能再上传材料');
      const [created] = await tx
        .insert(pressAttachments)
        .values({
          formId, kind, fileName: accepted.fileName, originalName: accepted.originalName, contentType: accepted.contentType,
          size: accepted.size, sha256: accepted.sha256, content: upload.bytes, uploadedBy: actor.userId,
        })
        .returning({ id: pressAttachments.id });
      await tx.update(pressForms).set({ updatedAt: new Date() }).where(eq(pressForms.id, formId));
      return { id: created.id, fileName: accepted.fileName };
    },
  );
}

export async function removePressAttachment(database: Database, actor: Actor, attachmentId: string) {
  return runAudited(database, actor, { action: 'press.attachment.remove', object: `press-attachment:${attachmentId}` }, async (tx) => {
    const attachment = await findAttachment(tx, attachmentId);
    const { form } = await loadForm(tx, attachment.formId, true);
    if (!pressRolesFor(actor, form.organizationId).includes('unit')) throw errors.notFound('附件');
    if (!['requested', 'approvedByNewsOffice', 'draft'].includes(form.status)) throw errors.badState('审批单已提交，材料不能删除');
    await tx.delete(pressAttachments).where(eq(pressAttachments.id, attachmentId));
    return { id: attachmentId };
  });
}

/** The stored file, for whoever may see its form. */
export async function readPressAttachment(db: Db, actor: Actor, attachmentId: string) {
  const attachment = await findAttachment(db, attachmentId);
  const { form } = await loadForm(db, attachment.formId);
  try {
    assertCanSeeForm(actor, form.organizationId);
  } catch {
    throw errors.notFound('附件');
  }
  return { fileName: attachment.fileName, contentType: attachment.contentType, content: attachment.content };
}

async function findAttachment(db: Db, attachmentId: string) {
  const [attachment] = await db.select().from(pressAttachments).where(eq(pressAttachments.id, attachmentId));
  if (!attachment) throw errors.notFound('附件');
  return attachment;
}
