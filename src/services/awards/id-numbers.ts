/**
 * Full 公民身份号码 of an application's athletes and coaches, for the roles that need them (the
 * sports bureau checks them, the finance bureau pays against them: permission awards:read-id).
 * Every full view leaves an audit record naming the application and the people, never the numbers.
 */
import type { Database } from '../../db/client.js';
import type { Actor } from '../actor.js';
import { recordAudit } from '../audit/audit.service.js';
import type { SecretBox } from '../crypto.js';
import { visibleApplication } from './access.js';
import { personContext, personRows } from './records.js';

export async function revealAwardIdNumbers(database: Database, actor: Actor, box: SecretBox, applicationId: string) {
  await visibleApplication(database.db, actor, applicationId);
  const people = await personRows(database.db, applicationId);
  const revealed = people.map((p) => ({ name: p.name, role: p.role, idNumber: box.openText(p.idNumberSealed, personContext(applicationId)) }));
  await recordAudit(database, actor, {
    action: 'award.id-number.view',
    object: `award-application:${applicationId}`,
    details: { people: people.map((p) => p.name) },
  });
  return { items: revealed };
}
