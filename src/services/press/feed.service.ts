import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Database, Db } from '../../db/client.js';
import { organizations, pressConferences, pressFeedTokens, pressForms } from '../../db/schema/index.js';
import { errors } from '../../domain/errors.js';
import { toIcs, type IcsEvent } from '../../domain/press/index.js';
import type { Actor } from '../actor.js';
import { runAudited } from '../audit/audit.service.js';
import { loadWorkdayCalendar } from '../calendar/index.js';
import { deadlineOf } from './forms.queries.js';

const hash = (token: string) => createHash('sha256').update(token).digest('hex');

/**
 * A unit's calendar feed is read by calendar programs, which send no session cookie: the URL
 * carries a per-unit secret (32 random bytes). Only its sha256 is stored, so the link is shown
 * once, when made; making a new one revokes the old.
 */
export async function createFeedToken(database: Database, actor: Actor, organizationId: string) {
  const token = randomBytes(32).toString('base64url');
  await runAudited(database, actor, { action: 'press.feed.token', object: `organization:${organizationId}` }, async (tx) => {
    const [org] = await tx.select({ id: organizations.id }).from(organizations).where(eq(organizations.id, organizationId));
    if (!org) throw errors.notFound('单位');
    await tx
      .insert(pressFeedTokens)
      .values({ organizationId, tokenHash: hash(token), createdBy: actor.userId })
      .onConflictDoUpdate({ target: pressFeedTokens.organizationId, set: { tokenHash: hash(token), createdBy: actor.userId, createdAt: new Date() } });
  });
  return { organizationId, token, path: `/api/press/ics/${organizationId}?token=${token}` };
}

export async function feedTokenInfo(db: Db, organizationId: string) {
  const [row] = await db.select({ createdAt: pressFeedTokens.createdAt }).from(pressFeedTokens).where(eq(pressFeedTokens.organizationId, organizationId));
  return { organizationId, exists: Boolean(row), createdAt: row?.createdAt.toISOString() ?? null };
}

/** The unit's feed: each conference with a form (timed when it has a start time) and its filing deadline. */
export async function unitIcsFeed(db: Db, organizationId: string, token: string, now: Date): Promise<string> {
  const [stored] = await db.select().from(pressFeedTokens).where(eq(pressFeedTokens.organizationId, organizationId));
  const given = Buffer.from(hash(token));
  // The same answer for an unknown unit and a wrong token.
  if (!stored || !timingSafeEqual(given, Buffer.from(stored.tokenHash))) throw errors.notFound('日历订阅');
  const [org] = await db.select({ name: organizations.name }).from(organizations).where(eq(organizations.id, organizationId));
  const rows = await db
    .select({ form: pressForms, conference: pressConferences })
    .from(pressForms)
    .innerJoin(pressConferences, eq(pressConferences.id, pressForms.conferenceId))
    .where(and(eq(pressForms.organizationId, organizationId), inArray(pressForms.status, ['draft', 'submitted', 'leaderApproved', 'sent', 'filed', 'filedLate', 'held', 'approvedByNewsOffice'])))
    .orderBy(asc(pressForms.conferenceDate));
  const loaded = await loadWorkdayCalendar(db);
  const events: IcsEvent[] = [];
  for (const { form, conference } of rows) {
    const summary = `新闻发布会：${form.topic}`;
    const common = { uid: `press-${form.id}@yizheng`, summary, location: form.venue, description: `${conference.unitName}；审批单状态见伊政通` };
    if (form.startTime) {
      const end = form.endTime ?? addHour(form.startTime);
      events.push({ ...common, start: `${form.conferenceDate}T${form.startTime}`, end: `${form.conferenceDate}T${end}` });
    } else events.push({ ...common, date: form.conferenceDate });
    const { deadline } = deadlineOf(loaded, form.conferenceDate);
    if (deadline && !form.sentOn) {
      events.push({ uid: `press-deadline-${form.id}@yizheng`, summary: `审批单报新闻办备案截止：${form.topic}`, date: deadline });
    }
  }
  return toIcs(events, { dtstamp: now.toISOString().replace(/\.\d{3}Z$/, 'Z'), calendarName: `${org?.name ?? ''}新闻发布会` });
}

function addHour(time: string): string {
  const [h, m] = time.split(':').map(Number);
  return `${String(Math.min(h + 1, 23)).padStart(2, '0')}:${String(m).padStart(2, '0')}`;
}
