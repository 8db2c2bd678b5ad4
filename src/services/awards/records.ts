/**
 * Writing an application's derived rows: the computed lines (with the county organisation of each
 * 追踪奖 line) and the people with their encrypted 公民身份号码.
 */
import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { awardEvents, awardLines, awardPeople } from '../../db/schema/index.js';
import {
  isValidIdCardNumber,
  maskIdCardNumber,
  RULEBOOK_2023,
  SELECTION_GAMES,
  type AwardEntry,
  type CoachRole,
} from '../../domain/awards/index.js';
import { errors } from '../../domain/errors.js';
import type { Actor } from '../actor.js';
import type { SecretBox } from '../crypto.js';
import { findOrganization } from '../directory/organizations.service.js';
import type { Computation } from './compute.js';

export type PersonRole = 'athlete' | CoachRole;

export interface PersonInput {
  name: string;
  role: PersonRole;
  /** Omitted: keep the number already stored for this name and role. */
  idNumber?: string | null;
}

/** 123456 fen → '1234.56' (integer arithmetic). */
export function yuanText(fen: number): string {
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(fen);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

export const PERSON_ROLE_LABEL: Readonly<Record<PersonRole, string>> = {
  athlete: '运动员',
  head: '现任主管教练员',
  original: '原培养、输送教练员',
  assistant: '助理教练员',
};

const SELECTION_LABEL: Readonly<Record<(typeof SELECTION_GAMES)[number], string>> = {
  olympics: '奥运会、残奥会、冬奥会、冬残奥会',
  world: '世界单项锦标（杯）赛、世界杯赛、青奥会',
  asian: '亚运会、亚冬会、亚洲锦标（杯）赛',
  'other-listed': '本办法所列其他运动会',
};

/** One line saying what the application is for: 区运会 田径 个人 第1名（阿力木）. */
export function summarize(entry: AwardEntry): string {
  const names = entry.athletes.map((a) => a.name).join('、');
  switch (entry.kind) {
    case 'result': {
      const games = RULEBOOK_2023.games[entry.games].label;
      const minority = entry.games.endsWith('minority-games');
      const place = minority ? `${['一', '二', '三'][entry.place - 1] ?? entry.place}等奖` : `第${entry.place}名`;
      const who = names || entry.team || '';
      return `${games} ${entry.sport}${entry.event === 'team' ? '团体' : '个人'} ${place}${who ? `（${who}）` : ''}`;
    }
    case 'selection':
      return `入选中国体育代表团参赛${SELECTION_LABEL[entry.games]}（${names}）`;
    case 'transfer':
      return `输送运动员到自治区专业队转正（${names}）`;
    case 'sportsmanship':
      return `${RULEBOOK_2023.games[entry.games].label}体育道德风尚奖（${entry.team}）`;
  }
}

/** Everyone whose 身份证 the application must carry (第十九条): its athletes and coaches. */
export function peopleOf(entry: AwardEntry): { name: string; role: PersonRole }[] {
  return [...entry.athletes.map((a) => ({ name: a.name, role: 'athlete' as const })), ...entry.coaches.map((c) => ({ name: c.name, role: c.role }))];
}

const personKey = (p: { name: string; role: string }) => `${p.role}:${p.name}`;

/** Replaces the computed lines, resolving each county payee to its organisation when known. */
export async function replaceLines(tx: Db, applicationId: string, computation: Computation): Promise<void> {
  await tx.delete(awardLines).where(eq(awardLines.applicationId, applicationId));
  if (computation.lines.length === 0) return;
  const rows = [];
  for (const [position, line] of computation.lines.entries()) {
    const county = line.funding === 'county' ? await findOrganization(tx, line.payee) : null;
    rows.push({
      applicationId,
      position,
      payee: line.payee,
      role: line.role,
      amountFen: line.amountFen,
      funding: line.funding,
      countyOrgId: county?.kind === 'county' ? county.id : null,
      basis: line.basis,
      citations: line.citations.map((c) => ({ article: c.article, ...(c.item ? { item: c.item } : {}), ...(c.subItem ? { subItem: c.subItem } : {}) })),
    });
  }
  await tx.insert(awardLines).values(rows);
}

/**
 * Saves the people of the entry: a given ID number is checked (GB 11643 check character, a real
 * birth date not after today) and sealed; an omitted one keeps what is stored for that name and role.
 * People no longer in the entry are removed; a name given that is not in the entry is refused.
 */
export async function savePeople(
  tx: Db,
  box: SecretBox,
  applicationId: string,
  entry: AwardEntry,
  input: readonly PersonInput[],
  today: string,
): Promise<void> {
  const expected = peopleOf(entry);
  const wanted = new Set(expected.map(personKey));
  const stray = input.filter((p) => !wanted.has(personKey(p)));
  if (stray.length) throw errors.validation(`身份证信息中的人员不在成绩记录中：${stray.map((p) => `${p.name}（${PERSON_ROLE_LABEL[p.role]}）`).join('、')}`);
  const bad = input.filter((p) => p.idNumber && !isValidIdCardNumber(p.idNumber, today));
  if (bad.length) throw errors.validation(`公民身份号码校验未通过（GB 11643）：${bad.map((p) => p.name).join('、')}`, { field: 'people' });
  const existing = await tx.select().from(awardPeople).where(eq(awardPeople.applicationId, applicationId));
  const kept = new Map(existing.map((p) => [personKey(p), p]));
  const given = new Map(input.filter((p) => p.idNumber).map((p) => [personKey(p), (p.idNumber as string).trim().toUpperCase()]));
  await tx.delete(awardPeople).where(eq(awardPeople.applicationId, applicationId));
  const rows = expected.flatMap((p, position) => {
    const number = given.get(personKey(p));
    if (number) {
      return [{ applicationId, position, name: p.name, role: p.role, idNumberSealed: box.sealText(number, personContext(applicationId)), idNumberMasked: maskIdCardNumber(number) }];
    }
    const old = kept.get(personKey(p));
    return old ? [{ applicationId, position, name: p.name, role: p.role, idNumberSealed: old.idNumberSealed, idNumberMasked: old.idNumberMasked }] : [];
  });
  if (rows.length) await tx.insert(awardPeople).values(rows);
}

/** The associated data binding a sealed ID number to its application. */
export const personContext = (applicationId: string) => `award-person:${applicationId}`;

/** Athletes and coaches of the entry still without an ID number. */
export async function peopleWithoutIdNumber(tx: Db, applicationId: string, entry: AwardEntry): Promise<string[]> {
  const stored = await tx.select({ name: awardPeople.name, role: awardPeople.role }).from(awardPeople).where(eq(awardPeople.applicationId, applicationId));
  const have = new Set(stored.map(personKey));
  return peopleOf(entry)
    .filter((p) => !have.has(personKey(p)))
    .map((p) => `${p.name}（${PERSON_ROLE_LABEL[p.role]}）`);
}

export async function recordEvent(
  tx: Db,
  actor: Actor,
  applicationId: string,
  event: { action: string; from?: string | null; to?: string | null; comment?: string | null },
): Promise<void> {
  await tx.insert(awardEvents).values({
    id: randomUUID(),
    applicationId,
    action: event.action,
    fromStatus: event.from ?? null,
    toStatus: event.to ?? null,
    actorId: actor.userId,
    actorName: actor.username,
    comment: event.comment ?? null,
  });
}

export async function personRows(db: Db, applicationId: string) {
  return db.select().from(awardPeople).where(and(eq(awardPeople.applicationId, applicationId))).orderBy(awardPeople.position);
}
