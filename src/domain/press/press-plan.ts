import { chineseNumeralValue, normalizeDigits, splitListMarker } from '../calendar/chinese-text.js';
import { approvalFormKind, type ApprovalFormKind } from './press-unit.js';

/** One conference of the year's 新闻发布计划. */
export interface PlannedConference {
  /** The plan's own number: （十九） → 19. */
  seq: number;
  /** 'YYYY-MM': the plan gives a month, not a day. */
  month: string;
  /** Without the leading 召开. */
  topic: string;
  /** As written after 发布单位：. */
  unit: string;
  formKind: ApprovalFormKind;
}

export interface PressPlanRequirements {
  /** 新闻发布会地点一般设在… */
  venue: string | null;
  /** 提供书面（10份）… */
  printedCopies: number | null;
  /** 提前7个工作日报州政府新闻办备案 */
  leadWorkdays: number | null;
  contact: { name: string; phones: string[] } | null;
  /** The annexed forms, by kind: 附件 1.…州直部门（单位）…审批单 / 2.…县（市）…审批单 */
  approvalForms: { kind: ApprovalFormKind; title: string }[];
}

export interface PressPlan {
  year: number;
  /** 共19场, when the plan states it. */
  declaredCount: number | null;
  conferences: PlannedConference[];
  requirements: PressPlanRequirements;
}

/** Reads a 新闻发布计划 (the notice with its plan, or the plan alone). */
export function parsePressPlan(text: string, year?: number): PressPlan {
  const normalized = normalizeDigits(text);
  const planYear = year ?? readPlanYear(normalized);
  const conferences: PlannedConference[] = [];
  for (const line of normalized.split(/\r?\n/)) {
    const conference = readConferenceLine(line, planYear, conferences.length + 1);
    if (conference) conferences.push(conference);
  }
  const declared = /共\s*(\d+)\s*场/.exec(normalized);
  return {
    year: planYear,
    declaredCount: declared ? Number(declared[1]) : null,
    conferences,
    requirements: readRequirements(normalized),
  };
}

function readPlanYear(text: string): number {
  const m = /(\d{4})\s*年[^\n。《》]{0,20}?新闻发布/.exec(text);
  if (!m) throw new RangeError('无法确定新闻发布计划的年份');
  return Number(m[1]);
}

const CONFERENCE = /^(\d{1,2})\s*月(?:份|上旬|中旬|下旬|初|底)?[，,、：:\s]*(?:召开)?(.+?)\s*[（(]发布单位[：:]\s*(.+?)\s*[）)]\s*[。；;]?\s*$/;

/** `1.3月，…`: a number marker glued to the month, which splitListMarker leaves alone (it could be 3.15). */
const NUMBER_BEFORE_MONTH = /^\s*(\d{1,2})[.．、]\s*(?=\d{1,2}\s*月)/;

function readConferenceLine(line: string, year: number, position: number): PlannedConference | null {
  const glued = NUMBER_BEFORE_MONTH.exec(line);
  const marker = glued ? { no: Number(glued[1]), rest: line.slice(glued[0].length) } : splitListMarker(line);
  const m = CONFERENCE.exec(marker ? marker.rest : line.trim());
  if (!m) return null;
  const month = Number(m[1]);
  if (month < 1 || month > 12) return null;
  return {
    seq: marker?.no ?? position,
    month: `${year}-${String(month).padStart(2, '0')}`,
    topic: m[2].trim(),
    unit: m[3],
    formKind: approvalFormKind(m[3]),
  };
}

function readRequirements(text: string): PressPlanRequirements {
  const venue = /地点(?:一般)?(?:设在|为|在)\s*([^，。；,;\n]+)/.exec(text);
  const copies = /书面\s*[（(]\s*([\d一二三四五六七八九十]+)\s*份\s*[）)]/.exec(text);
  const lead = /提前\s*([\d一二三四五六七八九十]+)\s*个工作日/.exec(text);
  return {
    venue: venue ? venue[1].trim() : null,
    printedCopies: copies ? numberValue(copies[1]) : null,
    leadWorkdays: lead ? numberValue(lead[1]) : null,
    contact: readContact(text),
    approvalForms: readApprovalForms(text),
  };
}

function numberValue(text: string): number | null {
  return /^\d+$/.test(text) ? Number(text) : chineseNumeralValue(text);
}

function readContact(text: string): PressPlanRequirements['contact'] {
  const name = /联系人[：:]\s*([^\s，,；;：:]+)/.exec(text);
  if (!name) return null;
  const phoneLine = /联系电话[：:]\s*([^\n]+)/.exec(text);
  const phones = phoneLine
    ? phoneLine[1].split(/[，,、；;\s]+/).map((p) => p.replace(/[—–－]/g, '-')).filter((p) => /\d{5,}/.test(p))
    : [];
  return { name: name[1], phones };
}

function readApprovalForms(text: string): PressPlanRequirements['approvalForms'] {
  const forms: PressPlanRequirements['approvalForms'] = [];
  for (const m of text.matchAll(/(?:^|\n|[：:]\s*)\d+[.．、]\s*([^\n]*?新闻发布会审批单)/g)) {
    const title = m[1].trim();
    forms.push({ kind: /县\s*[（(]\s*市\s*[）)]|县市/.test(title) ? 'county' : 'prefecture-department', title });
  }
  return forms;
}
