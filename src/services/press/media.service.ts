import { and, asc, eq, inArray, ne } from 'drizzle-orm';
import type { Database, Db } from '../../db/client.js';
import { pressMedia, pressMediaNotifications } from '../../db/schema/index.js';
import { errors } from '../../domain/errors.js';
import type { IsoDate } from '../../domain/shared/dates.js';
import type { Actor } from '../actor.js';
import { runAudited } from '../audit/audit.service.js';
import { loadForm } from './forms.queries.js';

export interface MediaInput {
  name: string;
  contact?: string | null;
  phone?: string | null;
  active?: boolean;
}

/** 州政府新闻办's list of news outlets it notifies. */
export async function listMedia(db: Db) {
  const rows = await db.select().from(pressMedia).orderBy(asc(pressMedia.name));
  return rows.map((m) => ({ id: m.id, name: m.name, contact: m.contact, phone: m.phone, active: m.active }));
}

export async function addMedia(database: Database, actor: Actor, input: MediaInput) {
  const name = input.name.trim();
  if (!name) throw errors.validation('请填写媒体名称', { field: 'name' });
  return runAudited(database, actor, { action: 'press.media.add', object: `press-media:${name}` }, async (tx) => {
    const [taken] = await tx.select({ id: pressMedia.id }).from(pressMedia).where(eq(pressMedia.name, name));
    if (taken) throw errors.conflict(`媒体“${name}”已在名单中`);
    const [created] = await tx
      .insert(pressMedia)
      .values({ name, contact: input.contact?.trim() || null, phone: input.phone?.trim() || null, active: input.active ?? true })
      .returning({ id: pressMedia.id });
    return created;
  });
}

export async function updateMedia(database: Database, actor: Actor, mediaId: string, input: Partial<MediaInput>) {
  return runAudited(database, actor, { action: 'press.media.update', object: `press-media:${mediaId}`, details: { fields: Object.keys(input) } }, async (tx) => {
    const name = input.name?.trim();
    const changes = {
      ...(name ? { name } : {}),
      ...(input.contact !== undefined ? { contact: input.contact?.trim() || null } : {}),
      ...(input.phone !== undefined ? { phone: input.phone?.trim() || null } : {}),
      ...(input.active !== undefined ? { active: input.active } : {}),
    };
    const [current] = await tx.select({ id: pressMedia.id }).from(pressMedia).where(eq(pressMedia.id, mediaId));
    if (!current) throw errors.notFound('媒体');
    // A name another outlet already has is a conflict (409), not a unique-index failure (500).
    if (name) {
      const [taken] = await tx.select({ id: pressMedia.id }).from(pressMedia).where(and(eq(pressMedia.name, name), ne(pressMedia.id, mediaId)));
      if (taken) throw errors.conflict(`媒体“${name}”已在名单中`);
    }
    // Nothing to change (an empty body): an UPDATE without SET is not SQL.
    if (Object.keys(changes).length > 0) await tx.update(pressMedia).set(changes).where(eq(pressMedia.id, mediaId));
    return { id: mediaId };
  });
}

/** Records that the news office notified these outlets about a filed conference. */
export async function recordMediaNotification(
  database: Database,
  actor: Actor,
  formId: string,
  input: { mediaIds: string[]; note?: string | null },
  today: IsoDate,
) {
  if (input.mediaIds.length === 0) throw errors.validation('请选择通知的媒体', { field: 'mediaIds' });
  return runAudited(database, actor, { action: 'press.media.notify', object: `press-form:${formId}`, details: { mediaIds: input.mediaIds } }, async (tx) => {
    const { form } = await loadForm(tx, formId, true);
    if (!['filed', 'filedLate', 'held'].includes(form.status)) throw errors.badState('审批单备案后才能通知媒体');
    const media = await tx.select({ id: pressMedia.id, name: pressMedia.name, active: pressMedia.active }).from(pressMedia).where(inArray(pressMedia.id, input.mediaIds));
    if (media.length !== new Set(input.mediaIds).size) throw errors.validation('所选媒体不在名单中', { field: 'mediaIds' });
    const [created] = await tx
      .insert(pressMediaNotifications)
      .values({ formId, notifiedOn: today, media: media.map(({ id, name }) => ({ id, name })), note: input.note?.trim() || null, recordedBy: actor.userId })
      .returning({ id: pressMediaNotifications.id });
    return created;
  });
}
