import { and, asc, eq, isNotNull, sql } from 'drizzle-orm';
import { queryRows, type Database, type Db } from '../../db/client.js';
import { people, postHoldings, posts } from '../../db/schema/index.js';
import { normalizeName, normalizePosition } from '../../domain/directory/index.js';
import { errors } from '../../domain/errors.js';
import { isIsoDate } from '../../domain/shared/dates.js';
import type { Actor } from '../actor.js';
import { runAudited } from '../audit/audit.service.js';
import { DirectoryWriter } from './directory-writer.js';

/**
 * 自动递补 (伊州政办函〔2023〕22号): in a body with automatic succession, a deputy or member seat
 * belongs to the unit's post — the first post the roster gives for the member. When the directory
 * records a new holder of that post replacing the member, the member's seat passes to the
 * successor from that day, without a new notice. The leader's seat (主任) is not succeeded: the
 * notice says a change there is decided by a new document.
 */
export interface AppointmentInput {
  name: string;
  /** The post as a document would write it: 州教育局副局长. */
  position: string;
  effectiveOn: string;
  /** The person replaced; when omitted, the post's one current holder (if there is exactly one). */
  replacesPersonId?: string | null;
  note?: string | null;
}

export interface AppointmentResult {
  personId: string;
  post: string;
  predecessor: { id: string; name: string } | null;
  successions: { body: string; role: string; seat: number }[];
}

export async function appointPerson(database: Database, actor: Actor, input: AppointmentInput): Promise<AppointmentResult> {
  const name = normalizeName(input.name);
  const position = normalizePosition(input.position);
  if (name === '') throw errors.validation('请填写姓名', { field: 'name' });
  if (!isIsoDate(input.effectiveOn)) throw errors.validation('任职日期格式应为 YYYY-MM-DD', { field: 'effectiveOn' });
  const audit = { action: 'people.appoint', object: `post:${position}`, details: { name, position, effectiveOn: input.effectiveOn } as Record<string, unknown> };
  return runAudited(database, actor, audit, async (tx) => {
    const writer = await DirectoryWriter.open(tx);
    const person = await writer.resolve(name, position);
    const postId = person.postIds[0];
    if (!postId) throw errors.validation(`无法从“${position}”识别单位和职务`, { field: 'position' });
    const predecessor = await findPredecessor(tx, postId, person.personId, input);
    const [holding] = await tx
      .insert(postHoldings)
      .values({
        personId: person.personId, postId, position, validFrom: input.effectiveOn, source: 'appointment',
        predecessorId: predecessor?.id ?? null, note: input.note?.trim() || null, recordedBy: actor.username,
      })
      .returning({ id: postHoldings.id });
    if (predecessor) {
      await tx.execute(sql`UPDATE post_holdings SET valid_to = ${input.effectiveOn}
        WHERE person_id = ${predecessor.id} AND post_id = ${postId} AND valid_to IS NULL
          AND (valid_from IS NULL OR valid_from <= ${input.effectiveOn}) AND id <> ${holding.id}`);
    }
    const successions = predecessor ? await applyAppointment(tx, holding.id, null) : [];
    const [post] = await tx.select({ label: posts.label }).from(posts).where(eq(posts.id, postId));
    audit.details.predecessor = predecessor?.name ?? null;
    audit.details.successions = successions.map((s) => s.body);
    return { personId: person.personId, post: post.label, predecessor, successions };
  });
}

async function findPredecessor(tx: Db, postId: string, appointeeId: string, input: AppointmentInput) {
  const holders = await queryRows<{ id: string; name: string }>(
    tx,
    sql`SELECT DISTINCT p.id, p.name FROM post_holdings h JOIN people p ON p.id = h.person_id
        WHERE h.post_id = ${postId} AND h.person_id <> ${appointeeId}
          AND (h.valid_from IS NULL OR h.valid_from <= ${input.effectiveOn})
          AND (h.valid_to IS NULL OR ${input.effectiveOn} < h.valid_to)
        ORDER BY p.name`,
  );
  if (input.replacesPersonId) {
    if (input.replacesPersonId === appointeeId) throw errors.validation('接替的人不能是本人', { field: 'replacesPersonId' });
    const found = holders.find((h) => h.id === input.replacesPersonId);
    if (found) return found;
    const [other] = await tx.select({ name: people.name }).from(people).where(eq(people.id, input.replacesPersonId));
    if (!other) throw errors.notFound('被接替的人员');
    throw errors.badState(`${other.name}在${input.effectiveOn}并未担任该职务，无法接替`);
  }
  if (holders.length > 1) {
    throw errors.validation(`该职务目前有${holders.length}人担任（${holders.map((h) => h.name).join('、')}），请指明接替谁`, { field: 'replacesPersonId' });
  }
  return holders[0] ?? null;
}

interface SeatRow {
  id: string;
  body_id: string;
  body: string;
  version_id: string;
  seat: number;
  role: string;
  rank: 'leader' | 'deputy' | 'member';
  valid_to: string | null;
}

/**
 * Passes the seats the appointment's predecessor holds by the post (in bodies with automatic
 * succession, deputy and member seats, active on the day) to the appointee. Idempotent: a seat
 * already passed on is no longer the predecessor's on that day. `bodyId` limits it to one body.
 */
export async function applyAppointment(tx: Db, holdingId: string, bodyId: string | null) {
  const [h] = await tx.select().from(postHoldings).where(eq(postHoldings.id, holdingId));
  if (!h || !h.predecessorId || !h.validFrom) return [];
  const day = h.validFrom;
  const seats = await queryRows<SeatRow>(
    tx,
    sql`SELECT m.id, m.body_id, b.name AS body, m.version_id, m.seat, m.role, m.rank, m.valid_to::text AS valid_to
        FROM memberships m
        JOIN bodies b ON b.id = m.body_id AND b.automatic_succession
        JOIN body_versions v ON v.id = m.version_id
        WHERE m.post_id = ${h.postId} AND m.person_id = ${h.predecessorId} AND m.rank IN ('deputy', 'member')
          AND m.valid_from <= ${day} AND (m.valid_to IS NULL OR ${day} < m.valid_to)
          AND v.valid_from <= ${day} AND (v.valid_to IS NULL OR ${day} < v.valid_to)
          ${bodyId ? sql`AND m.body_id = ${bodyId}` : sql``}
        ORDER BY b.name, m.seat`,
  );
  for (const s of seats) {
    await tx.execute(sql`UPDATE memberships SET valid_to = ${day} WHERE id = ${s.id}`);
    await tx.execute(sql`INSERT INTO memberships (body_id, version_id, seat, person_id, post_id, role, rank, position, valid_from, valid_to, successor_of, post_holding_id)
      VALUES (${s.body_id}, ${s.version_id}, ${s.seat}, ${h.personId}, ${h.postId}, ${s.role}, ${s.rank}, ${h.position}, ${day}, ${s.valid_to}, ${s.id}, ${h.id})`);
  }
  return seats.map((s) => ({ body: s.body, role: s.role, seat: s.seat }));
}

/** After a new roster version: the appointments recorded so far, applied to it in date order. */
export async function replayAppointments(tx: Db, bodyId: string): Promise<void> {
  const appointments = await tx
    .select({ id: postHoldings.id })
    .from(postHoldings)
    .where(and(eq(postHoldings.source, 'appointment'), isNotNull(postHoldings.predecessorId)))
    .orderBy(asc(postHoldings.validFrom), asc(postHoldings.createdAt));
  for (const a of appointments) await applyAppointment(tx, a.id, bodyId);
}
