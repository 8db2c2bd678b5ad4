/**
 * Input boundary for award batches: `unknown` JSON → typed entries. Only a batch that is not an array
 * of objects is refused outright; every other problem stays with its entry as a reason naming the field.
 */
import { DomainError } from '../errors.js';
import { isIsoDate, type IsoDate } from '../shared/dates.js';
import { yuanToFen, type Fen } from './money.js';
import {
  COACH_ROLES,
  DISQUALIFICATION_GROUNDS,
  ENTRY_KINDS,
  RESULT_GAMES,
  SELECTION_GAMES,
  type Athlete,
  type AwardEntry,
  type Coach,
  type EntryKind,
  type ResultEntry,
} from './types.js';

/** The batch itself is not an array of objects: the one case where parsing throws (HTTP 400). */
export class AwardBatchShapeError extends DomainError {
  constructor(message: string) {
    super('AWARD_BATCH_SHAPE', message, 400);
    this.name = 'AwardBatchShapeError';
  }
}

export type ParsedEntry =
  | { readonly id: string; readonly entry: AwardEntry; readonly problems: readonly [] }
  | { readonly id: string; readonly entry: null; readonly problems: readonly string[] };

type Obj = Record<string, unknown>;

function isObject(value: unknown): value is Obj {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Reads fields off one raw object, collecting a Chinese problem per bad field. */
class FieldReader {
  readonly problems: string[] = [];
  constructor(private readonly raw: Obj, private readonly prefix = '') {}

  private fail(field: string, message: string): null {
    this.problems.push(`${this.prefix}${field}：${message}`);
    return null;
  }

  private present(field: string): boolean {
    return this.raw[field] !== undefined && this.raw[field] !== null;
  }

  text(field: string, required: boolean): string | null {
    const v = this.raw[field];
    if (!this.present(field)) return required ? this.fail(field, '缺少必填项') : null;
    if (typeof v !== 'string' || v.trim() === '') return this.fail(field, '应为非空文字');
    return v.trim();
  }

  date(field: string, required: boolean): IsoDate | null {
    const v = this.raw[field];
    if (!this.present(field)) return required ? this.fail(field, '缺少必填项') : null;
    return isIsoDate(v) ? v : this.fail(field, `不是有效日期：${JSON.stringify(v)}（应为YYYY-MM-DD）`);
  }

  oneOf<T extends string>(field: string, values: readonly T[], required: boolean): T | null {
    const v = this.raw[field];
    if (!this.present(field)) return required ? this.fail(field, '缺少必填项') : null;
    if (typeof v === 'string' && (values as readonly string[]).includes(v)) return v as T;
    return this.fail(field, `未知取值${JSON.stringify(v)}（可选：${values.join('、')}）`);
  }

  positiveInt(field: string, required: boolean, hint = ''): number | null {
    const v = this.raw[field];
    if (!this.present(field)) return required ? this.fail(field, `缺少必填项${hint}`) : null;
    return Number.isSafeInteger(v) && (v as number) >= 1 ? (v as number) : this.fail(field, `应为正整数${hint}`);
  }

  money(field: string): Fen | null {
    if (!this.present(field)) return null;
    const fen = yuanToFen(this.raw[field]);
    return fen !== null && fen > 0 ? fen : this.fail(field, '应为大于0、最多两位小数的金额（元）');
  }

  moneyList(field: string): Fen[] {
    const v = this.raw[field];
    if (!this.present(field)) return [];
    if (!Array.isArray(v)) return this.fail(field, '应为金额列表（元）') ?? [];
    const fens = v.map(yuanToFen);
    if (fens.some((f) => f === null || f <= 0)) return this.fail(field, '每项应为大于0、最多两位小数的金额（元）') ?? [];
    return fens as Fen[];
  }

  list<T>(field: string, readItem: (item: FieldReader) => T | null): T[] {
    const v = this.raw[field];
    if (!this.present(field)) return [];
    if (!Array.isArray(v)) return this.fail(field, '应为列表') ?? [];
    return v.flatMap((item, i) => {
      if (!isObject(item)) return this.fail(`${field}[${i}]`, '应为对象') ?? [];
      const reader = new FieldReader(item, `${this.prefix}${field}[${i}].`);
      const value = readItem(reader);
      this.problems.push(...reader.problems);
      return value === null ? [] : [value];
    });
  }
}

const readAthlete = (r: FieldReader): Athlete | null => {
  const name = r.text('name', true);
  const county = r.text('county', false);
  return name === null ? null : { name, county };
};

const readCoach = (r: FieldReader): Coach | null => {
  const name = r.text('name', true);
  const role = r.oneOf('role', COACH_ROLES, true);
  return name === null || role === null ? null : { name, role };
};

function readId(raw: Obj, index: number): { id: string; problem: string | null } {
  const v = raw.id;
  if (typeof v === 'string' && v.trim() !== '') return { id: v.trim(), problem: null };
  if (typeof v === 'number' && Number.isFinite(v)) return { id: String(v), problem: null };
  return { id: `#${index + 1}`, problem: 'id：缺少记录编号' };
}

function readCommon(r: FieldReader) {
  const date = r.date('date', true);
  const appliedOn = r.date('appliedOn', true);
  if (date && appliedOn && appliedOn < date) r.problems.push(`appliedOn：申请日期${appliedOn}早于日期${date}`);
  const disqualified = r.oneOf('disqualified', DISQUALIFICATION_GROUNDS, false);
  const athletes = r.list('athletes', readAthlete);
  const coaches = r.list('coaches', readCoach);
  return { date, appliedOn, disqualified, athletes, coaches };
}

type Common = ReturnType<typeof readCommon>;
type Complete = Common & { date: IsoDate; appliedOn: IsoDate };

function readResult(r: FieldReader, raw: Obj, id: string, base: Common): ResultEntry | null {
  const games = r.oneOf('games', RESULT_GAMES, true);
  const event = r.oneOf('event', ['individual', 'team'] as const, true);
  const sport = r.text('sport', true);
  const place = r.positiveInt('place', true, '（名次1–8，少数民族运动会一、二、三等奖记1–3）');
  const teamSize = readTeamSize(r, raw, event);
  const team = r.text('team', false);
  const teamCounty = r.text('teamCounty', false);
  const enteredTeamOn = r.date('enteredTeamOn', false);
  if (enteredTeamOn && base.date && base.date < enteredTeamOn) r.problems.push(`enteredTeamOn：进队日期${enteredTeamOn}晚于成绩日期${base.date}`);
  const regionAward = r.money('regionAward');
  const extraAwards = r.moneyList('extraAwards');
  if (event === 'individual' && base.athletes.length !== 1) r.problems.push('athletes：个人项目应列出且只列出1名运动员');
  for (const [role, label] of [['head', '现任主管教练员'], ['original', '原培养、输送教练员']] as const) {
    if (base.coaches.filter((c) => c.role === role).length > 1) r.problems.push(`coaches：一项成绩最多一名${label}（${role}）`);
  }
  if (!isComplete(base) || !games || !event || !sport || !place || !teamSize || r.problems.length > 0) return null;
  // Listed field by field: spreading `base` here made parsing several times slower in V8.
  const { date, appliedOn, disqualified, athletes, coaches } = base;
  return { id, kind: 'result', date, appliedOn, disqualified, athletes, coaches, games, event, sport, place, teamSize, team, teamCounty, enteredTeamOn, regionAward, extraAwards };
}

function readTeamSize(r: FieldReader, raw: Obj, event: 'individual' | 'team' | null): number | null {
  if (event === 'team') {
    const size = r.positiveInt('teamSize', true, '（团体项目的参赛人数）');
    if (size === 1) r.problems.push('teamSize：团体项目参赛人数至少2人');
    return size;
  }
  if (raw.teamSize != null && raw.teamSize !== 1) r.problems.push('teamSize：个人项目参赛人数应为1');
  return 1;
}

function isComplete(base: Common): base is Complete {
  return base.date !== null && base.appliedOn !== null;
}

function readKind(r: FieldReader, raw: Obj, id: string, kind: EntryKind, base: Common): AwardEntry | null {
  if (kind === 'result') return readResult(r, raw, id, base);
  if (kind === 'selection') {
    const games = r.oneOf('games', SELECTION_GAMES, true);
    return games && isComplete(base) ? { id, ...base, kind, games } : null;
  }
  if (kind === 'transfer') return isComplete(base) ? { id, ...base, kind } : null;
  const games = r.oneOf('games', RESULT_GAMES, true);
  const team = r.text('team', true);
  return games && team && isComplete(base) ? { id, ...base, kind, games, team } : null;
}

function readEntry(raw: Obj, index: number): ParsedEntry {
  const { id, problem } = readId(raw, index);
  const r = new FieldReader(raw);
  if (problem) r.problems.push(problem);
  const kind = r.oneOf('kind', ENTRY_KINDS, true);
  const base = readCommon(r);
  const entry = kind ? readKind(r, raw, id, kind, base) : null;
  if (entry === null || r.problems.length > 0) {
    return { id, entry: null, problems: r.problems.length > 0 ? r.problems : ['记录无法识别'] };
  }
  return { id, entry, problems: [] };
}

/**
 * Parses a batch: an array of objects. Throws `AwardBatchShapeError` only when the batch itself has
 * the wrong shape; each item is validated on its own and carries its problems.
 */
export function parseAwardBatch(json: unknown): ParsedEntry[] {
  if (!Array.isArray(json)) throw new AwardBatchShapeError('奖励申报批次应为JSON数组，每项为一条成绩记录（对象）');
  const bad = json.findIndex((item) => !isObject(item));
  if (bad >= 0) throw new AwardBatchShapeError(`奖励申报批次第${bad + 1}项不是对象，每项应为一条成绩记录`);
  return json.map((item, i) => readEntry(item as Obj, i));
}
