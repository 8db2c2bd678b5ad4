import { asc, eq, sql } from 'drizzle-orm';
import type { Database, Db } from '../../db/client.js';
import { bodyRectifications, organizations, type RectificationEvent } from '../../db/schema/index.js';
import { hasPermission } from '../../domain/auth/roles.js';
import { isRectificationOverdue, moveRectification, type RectificationAction } from '../../domain/directory/index.js';
import { errors } from '../../domain/errors.js';
import { isIsoDate } from '../../domain/shared/dates.js';
import type { Actor } from '../actor.js';
import { runAudited } from '../audit/audit.service.js';
import { findBody } from './bodies.queries.js';

/**
 * 整改: a problem a higher authority found in the prefecture's education duties, assigned to a
 * member unit, tracked from the unit's plan (整改方案) and report (整改报告) to closure (销号).
 */
export interface RectificationInput {
  organizationId: string;
  title: string;
  raisedBy: string;
  raisedOn: string;
  dueOn?: string | null;
}

export async function createRectification(database: Database, actor: Actor, bodyId: string, input: RectificationInput) {
  for (const [field, value] of [['raisedOn', input.raisedOn], ['dueOn', input.dueOn]] as const) {
    if (value && !isIsoDate(value)) throw errors.validation('日期格式应为 YYYY-MM-DD', { field });
  }
  if (input.dueOn && input.dueOn < input.raisedOn) throw errors.validation('整改期限不能早于提出日期', { field: 'dueOn' });
  return runAudited(database, actor, { action: 'bodies.rectification.create', object: `body:${bodyId}`, details: { title: input.title } }, async (tx) => {
    await findBody(tx, bodyId);
    const [org] = await tx.select({ id: organizations.id }).from(organizations).where(eq(organizations.id, input.organizationId));
    if (!org) throw errors.notFound('责任单位');
    const history: RectificationEvent[] = [{ at: new Date().toISOString(), by: actor.username, action: 'create', note: null }];
    const [row] = await tx
      .insert(bodyRectifications)
      .values({ bodyId, organizationId: input.organizationId, title: input.title.trim(), raisedBy: input.raisedBy.trim(), raisedOn: input.raisedOn, dueOn: input.dueOn ?? null, history })
      .returning({ id: bodyRectifications.id });
    return { id: row.id };
  });
}

export async function listRectifications(db: Db, bodyId: string, today: string) {
  const rows = await db
    .select({ r: bodyRectifications, organization: organizations.name })
    .from(bodyRectifications)
    .innerJoin(organizations, eq(organizations.id, bodyRectifications.organizationId))
    .where(eq(bodyRectifications.bodyId, bodyId))
    .orderBy(asc(bodyRectifications.raisedOn), asc(bodyRectifications.createdAt));
  return rows.map(({ r, organization }) => ({
    id: r.id, organizationId: r.organizationId, organization, title: r.title, raisedBy: r.raisedBy, raisedOn: r.raisedOn, dueOn: r.dueOn,
    status: r.status, overdue: isRectificationOverdue(r, today), plan: r.plan, report: r.report, closedOn: r.closedOn, closingNote: r.closingNote,
    history: r.history,
  }));
}

/**
 * One step: the unit sends its plan or its report (its own unit only, unless the actor is the
 * office), the office closes the item or sends it back. Plans and reports need their text,
 * sending back needs a reason.
 */
export async function advanceRectification(
  database: Database,
  actor: Actor,
  id: string,
  input: { action: RectificationAction; text?: string | null; today: string },
) {
  const text = input.text?.trim() || null;
  return runAudited(database, actor, { action: `bodies.rectification.${input.action}`, object: `rectification:${id}` }, async (tx) => {
    const [item] = await tx.select().from(bodyRectifications).where(eq(bodyRectifications.id, id));
    if (!item) throw errors.notFound('整改事项');
    const byUnit = input.action === 'submit-plan' || input.action === 'submit-report';
    if (byUnit && !hasPermission(actor.roles, 'bodies:manage') && actor.organizationId !== item.organizationId) {
      throw errors.forbidden('只能报送本单位的整改材料');
    }
    const move = moveRectification(item.status, input.action);
    if (!move.ok) throw errors.badState(move.reason);
    if (input.action !== 'close' && !text) {
      throw errors.validation(input.action === 'reopen' ? '退回时请写明原因' : '请填写整改方案或整改报告的内容', { field: 'text' });
    }
    const event: RectificationEvent = { at: new Date().toISOString(), by: actor.username, action: input.action, note: text };
    await tx
      .update(bodyRectifications)
      .set({
        status: move.status,
        ...(input.action === 'submit-plan' ? { plan: text } : {}),
        ...(input.action === 'submit-report' ? { report: text } : {}),
        ...(input.action === 'close' ? { closedOn: input.today, closingNote: text } : {}),
        ...(input.action === 'reopen' ? { closedOn: null } : {}),
        history: [...item.history, event],
        updatedAt: sql`now()`,
      })
      .where(eq(bodyRectifications.id, id));
    return { id, status: move.status };
  });
}
