import { eq } from 'drizzle-orm';
import type { Database } from '../../db/client.js';
import { livelihoodPlans } from '../../db/schema/index.js';
import { errors } from '../../domain/errors.js';
import { isIsoDate, type IsoDate } from '../../domain/shared/dates.js';
import type { Actor } from '../actor.js';
import { runAudited } from '../audit/audit.service.js';

/**
 * When monthly reporting starts: the first full month from this day owes a report. The bundled
 * 8号文 prints no 成文日期, so its plan starts on 1 January until the office sets the real day.
 */
export async function setReportingStart(database: Database, actor: Actor, planId: string, reportingStartsOn: IsoDate) {
  if (!isIsoDate(reportingStartsOn)) throw errors.validation('日期无效', { field: 'reportingStartsOn' });
  return runAudited(database, actor, { action: 'livelihood.plan.reporting-start', object: `livelihood-plan:${planId}`, details: { reportingStartsOn } }, async (tx) => {
    const [plan] = await tx.select().from(livelihoodPlans).where(eq(livelihoodPlans.id, planId));
    if (!plan) throw errors.notFound('民生实事方案');
    if (reportingStartsOn.slice(0, 4) !== String(plan.year)) throw errors.validation(`报送起始日应在${plan.year}年内`, { field: 'reportingStartsOn' });
    await tx.update(livelihoodPlans).set({ reportingStartsOn }).where(eq(livelihoodPlans.id, planId));
    return { id: planId, reportingStartsOn };
  });
}
