import { DocumentParseError } from '../documents/errors.js';
import { readMarker } from '../documents/markers.js';
import { parseDocuments } from '../documents/parse-documents.js';
import { clean, toSourceLines } from '../documents/text-lines.js';
import type { Attachment, OfficialDocument, SourceLine } from '../documents/types.js';
import { readDuties, toLiaison } from './liaisons.js';
import { parseOffice } from './office.js';
import { ENDS_WITH_TITLE } from './titles.js';
import { opensBracket, readRosterLine, roleRank } from './roster-lines.js';
import type { BodyOffice, CoordinationBody, Member } from './types.js';

/**
 * 议事协调机构 from a document (body, enclosure and every annex) or from plain text.
 * A body starts at a heading …组成人员 / …成员名单 and runs to the next one. Inside it:
 * members under role words, the office sentences, a …联络员名单 section and the numbered
 * 联络员工作职责. Entries before any role word get the role 成员. Bodies without members are dropped.
 * Plain text is read as documents when it holds any (so a body ends with its document), else as
 * one block (an annex on its own).
 */
export type RosterSource = string | OfficialDocument | Attachment;

interface Draft {
  readonly name: string;
  readonly line: number;
  readonly members: Member[];
  readonly liaisons: { name: string; position: string; line: number }[];
  readonly officeText: string[];
  readonly dutyLines: string[];
  officeLine: number | null;
  role: string | null;
  /** 'closed' once the numbered duties have ended: nothing after them belongs to the body. */
  mode: 'members' | 'liaisons' | 'duties' | 'closed';
  lastSpaced: boolean;
  inOffice: boolean;
  succession: boolean;
}

export function parseRoster(source: RosterSource): CoordinationBody[] {
  const blocks =
    typeof source === 'string' ? textBlocks(source) : 'docNumber' in source ? documentBlocks(source) : [attachmentBlock(source)];
  return blocks.flatMap(scanBlock).filter((b) => b.members.length > 0);
}

function textBlocks(text: string): SourceLine[][] {
  try {
    return parseDocuments(text).documents.flatMap(documentBlocks);
  } catch (e) {
    if (e instanceof DocumentParseError) return [toSourceLines(text)];
    throw e;
  }
}

function documentBlocks(doc: OfficialDocument): SourceLine[][] {
  const blocks: SourceLine[][] = [[...doc.body.lines]];
  const { enclosure } = doc;
  if (enclosure) {
    const title = enclosure.titleSpan ? [{ line: enclosure.titleSpan.start, text: enclosure.title }] : [];
    blocks.push([...title, ...enclosure.lines]);
  }
  return [...blocks, ...doc.attachments.map(attachmentBlock)];
}

/** An annex: its title (the body's heading) then its text. */
function attachmentBlock(a: Attachment): SourceLine[] {
  const title = a.titleLine === null ? [] : [{ line: a.titleLine, text: a.title }];
  return [...title, ...(a.content?.lines ?? [])];
}

const HEADING = /^(.{2,40}?)(?:组成人员名单|组成人员|成员名单|人员名单)$/;
const DUTIES = /^联络员(?:工作)?职责[：:]?$/;
const MAX_WRAP = 3;

/** The body named by a heading line (附件1 / 1、 / 一、 prefixes dropped), or null. */
export function bodyHeading(text: string): string | null {
  let t = clean(text).replace(/^附\s*件\s*\d*\s*[：:]?\s*/, '');
  t = (readMarker(t)?.rest ?? t).replace(/\s+/g, '');
  if (/联络员|[，。；：,;:]/.test(t)) return null;
  return HEADING.exec(t)?.[1] ?? null;
}

function scanBlock(lines: readonly SourceLine[]): CoordinationBody[] {
  const bodies: CoordinationBody[] = [];
  let draft: Draft | null = null;
  for (let i = 0; i < lines.length; i += 1) {
    let t = clean(lines[i].text);
    const line = lines[i].line;
    for (let k = 0; k < MAX_WRAP && opensBracket(t) && i + 1 < lines.length; k += 1) t += clean(lines[++i].text);
    if (t === '') continue;
    const name = bodyHeading(t);
    if (name !== null) {
      if (draft) bodies.push(finish(draft));
      draft = newDraft(name, line);
    } else if (draft) {
      readLine(draft, t, line);
    }
  }
  if (draft) bodies.push(finish(draft));
  return bodies;
}

function newDraft(name: string, line: number): Draft {
  return {
    name, line, members: [], liaisons: [], officeText: [], dutyLines: [], officeLine: null,
    role: null, mode: 'members', lastSpaced: false, inOffice: false, succession: false,
  };
}

function readLine(d: Draft, t: string, line: number): void {
  if (t.includes('自动递补')) d.succession = true;
  if (t.replace(/\s+/g, '').includes('联络员名单')) return void (d.mode = 'liaisons');
  if (DUTIES.test(t.replace(/\s+/g, ''))) return void (d.mode = 'duties');
  if (d.mode === 'closed') return;
  if (d.mode === 'duties') return void readDutyLine(d, t);
  if (/下设办公室|办公室设在/.test(t)) {
    d.officeLine ??= line;
    d.inOffice = true;
    return void d.officeText.push(t);
  }
  const parsed = readRosterLine(t);
  if (parsed.kind === 'role') {
    d.role = parsed.role;
    d.inOffice = false;
  } else if (parsed.kind === 'entry') {
    d.inOffice = false;
    d.lastSpaced = parsed.spaced;
    if (d.mode === 'liaisons') d.liaisons.push({ name: parsed.name, position: parsed.position, line });
    else addMember(d, parsed.role, parsed.name, parsed.position, line);
  } else if (d.lastSpaced && isPositionTail(t) && d.members.length > 0) {
    const last = d.members[d.members.length - 1];
    d.members[d.members.length - 1] = { ...last, position: last.position + t.replace(/\s+/g, '') };
  } else if (d.inOffice) {
    d.officeText.push(t);
  }
}

/** A numbered duty, or the wrapped rest of the one above; anything else ends the list. */
function readDutyLine(d: Draft, t: string): void {
  const previous = d.dutyLines[d.dutyLines.length - 1];
  if (readMarker(t) || (previous !== undefined && !/[。；]$/.test(previous))) d.dutyLines.push(t);
  else d.mode = 'closed';
}

/** In the whitespace layout a wrapped position continues on a line of its own (书记、局长). */
function isPositionTail(t: string): boolean {
  return !/\s/.test(t) && ENDS_WITH_TITLE.test(t) && !/[。；：]/.test(t);
}

function addMember(d: Draft, role: string | null, name: string, position: string, line: number): void {
  if (role) d.role = role;
  const current = d.role ?? '成员';
  d.members.push({ name, role: current, rank: roleRank(current), position, line });
}

function finish(d: Draft): CoordinationBody {
  const liaisons = d.liaisons.map((l) => toLiaison(l, d.members));
  const office = d.officeLine === null ? null : parseOffice(d.officeText.join(''), d.members, d.officeLine);
  return {
    name: d.name,
    members: d.members,
    office: office && withLiaisonPosts(office, liaisons),
    liaisons,
    liaisonDuties: readDuties(d.dutyLines),
    automaticSuccession: d.succession,
    line: d.line,
  };
}

/** An office holder who is not a member but is a liaison (李静) takes the liaison's position. */
function withLiaisonPosts(office: BodyOffice, liaisons: readonly { name: string; position: string }[]): BodyOffice {
  const fill = <T extends { name: string | null; position: string | null }>(h: T): T =>
    h.position === null ? { ...h, position: liaisons.find((l) => l.name === h.name)?.position ?? null } : h;
  return { ...office, director: office.director && fill(office.director), deputyDirectors: office.deputyDirectors.map(fill) };
}
