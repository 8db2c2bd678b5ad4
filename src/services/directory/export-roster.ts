import type { Database } from '../../db/client.js';
import { errors } from '../../domain/errors.js';
import type { Actor } from '../actor.js';
import { recordAudit } from '../audit/audit.service.js';
import { getBody } from './bodies.queries.js';
import { rosterDocument, rosterWorkbook } from './roster-export.js';

export type RosterFormat = 'xlsx' | 'docx';

export const ROSTER_CONTENT_TYPES: Record<RosterFormat, string> = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
};

/** A body's roster on a day as an Excel or Word file in the annex layout; the export is audited. */
export async function exportRoster(
  database: Database,
  actor: Actor,
  bodyId: string,
  options: { format: RosterFormat; day?: string; today: string },
): Promise<{ fileName: string; contentType: string; content: Buffer }> {
  const body = await getBody(database.db, bodyId, { day: options.day, today: options.today });
  if (!body.version) throw errors.notFound(`${body.day}的${body.name}名单`);
  const sheet = {
    body: body.name,
    day: body.day,
    docNumber: body.version.docNumber,
    members: body.members,
    office: body.version.office,
    liaisons: body.liaisons,
    liaisonDuties: body.version.liaisonDuties,
  };
  const content = options.format === 'xlsx' ? await rosterWorkbook(sheet) : await rosterDocument(sheet);
  await recordAudit(database, actor, {
    action: 'bodies.export',
    object: `body:${bodyId}`,
    details: { format: options.format, day: body.day, members: body.members.length },
  });
  return { fileName: `${body.name}组成人员（${body.day}）.${options.format}`, contentType: ROSTER_CONTENT_TYPES[options.format], content };
}
