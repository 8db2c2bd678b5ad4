import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { pressConferences, pressPlans } from '../../db/schema/index.js';
import type { OfficialDocument } from '../../domain/documents/index.js';
import { DomainError } from '../../domain/errors.js';
import { parsePressPlan } from '../../domain/press/index.js';
import { documentText } from '../calendar/index.js';
import { UnitResolver } from '../directory/organizations.service.js';

/**
 * 新闻发布计划 (伊州政办发〔2023〕6号): the year's planned conferences, each tied to its publishing
 * unit in the directory. A plan for a year already stored is updated in place (same numbers keep
 * their forms). Runs inside the documents import transaction.
 */
export const pressPlanImporter = {
  name: 'press.plan',
  appliesTo: (doc: OfficialDocument): boolean => /新闻发布计划/.test(doc.title),
  async build(tx: Db, doc: OfficialDocument, documentId: string) {
    const plan = parsePressPlan(documentText(doc));
    if (plan.conferences.length === 0) throw new DomainError('PRESS_PLAN_EMPTY', `${doc.docNumber.text}中没有读到新闻发布会安排`, 422);
    if (plan.declaredCount !== null && plan.declaredCount !== plan.conferences.length) {
      throw new DomainError('PRESS_PLAN_MISMATCH', `${doc.docNumber.text}写明共${plan.declaredCount}场，但读出${plan.conferences.length}场`, 422);
    }
    const { requirements } = plan;
    const values = {
      year: plan.year,
      docNumber: doc.docNumber.text,
      sourceDocumentId: documentId,
      declaredCount: plan.declaredCount,
      venue: requirements.venue,
      printedCopies: requirements.printedCopies,
      leadWorkdays: requirements.leadWorkdays,
      contact: requirements.contact,
    };
    const [stored] = await tx
      .insert(pressPlans)
      .values(values)
      .onConflictDoUpdate({ target: [pressPlans.jurisdiction, pressPlans.year], set: values })
      .returning({ id: pressPlans.id });
    const units = await UnitResolver.open(tx);
    for (const c of plan.conferences) {
      const org = await units.resolve(c.unit);
      if (!org) throw new DomainError('PRESS_PLAN_UNIT', `无法识别发布单位：${c.unit}`, 422);
      const row = { month: c.month, topic: c.topic, unitName: c.unit, organizationId: org.id, formKind: c.formKind };
      const [existing] = await tx
        .select({ id: pressConferences.id })
        .from(pressConferences)
        .where(and(eq(pressConferences.planId, stored.id), eq(pressConferences.seq, c.seq)));
      if (existing) await tx.update(pressConferences).set(row).where(eq(pressConferences.id, existing.id));
      else await tx.insert(pressConferences).values({ ...row, planId: stored.id, seq: c.seq, origin: 'planned' });
    }
    return { label: '新闻发布计划', items: plan.conferences.map((c) => `${c.month} ${c.topic}（${c.unit}）`) };
  },
};
