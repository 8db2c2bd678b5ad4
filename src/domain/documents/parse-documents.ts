import { findAnnexHeadings, findAttachmentLists, type AnnexHeading, type ListedAttachment } from './attachments.js';
import { enclosureBlock, findEnclosureStart, readRecipients, textBlock } from './blocks.js';
import { findHeaders, type DocumentHeader } from './headers.js';
import { findSignature, type Signature } from './signature.js';
import { clean, emptyBlock, isBlank, joinTitle, spanOf, squeeze, toSourceLines, trimBlank } from './text-lines.js';
import type { Attachment, LineSpan, OfficialDocument, ParseResult, ParseWarning, SourceLine } from './types.js';

/**
 * Splits a text holding one or more 公文 and reads each one's GB/T 9704-2012 elements.
 * A document runs from its header (title and/or 发文机关标志, 发文字号) to the next one's header.
 * Throws DocumentParseError when no 发文字号 can be read, or one is malformed or has no title.
 */
export function parseDocuments(text: string): ParseResult {
  const lines = toSourceLines(text);
  const headers = findHeaders(lines);
  const warnings: ParseWarning[] = [];
  const before = trimBlank(lines.slice(0, headers[0].start));
  if (before.length > 0) warnings.push({ line: before[0].line, message: `第${before[0].line}行：第一份公文之前的内容已忽略` });
  const documents = headers.map((h, k) => {
    const end = k + 1 < headers.length ? headers[k + 1].start : lines.length;
    return parseOne(lines, h, end, warnings);
  });
  return { documents, warnings };
}

function parseOne(lines: readonly SourceLine[], h: DocumentHeader, end: number, warnings: ParseWarning[]): OfficialDocument {
  const title = joinTitle(h.titleIndices.map((i) => lines[i]));
  const read = readRecipients(lines, h.after, end);
  const from = read ? read.last + 1 : h.after;
  const headings = findAnnexHeadings(lines, from, end);
  const annexStart = headings[0]?.index ?? end;
  const listed = findAttachmentLists(lines, from, annexStart);
  const listIndices = new Set(listed.map((a) => a.index));
  const signature = findSignature(lines, from, annexStart);
  const signatureStart = signature ? (signature.issuerIndex ?? signature.dateIndex) : annexStart;
  const listBefore = listed.find((a) => a.index < signatureStart)?.index ?? Infinity;
  let bodyEnd = Math.min(signatureStart, listBefore);
  let enclosureFrom = signature ? signature.dateIndex + 1 : null;
  if (!signature) {
    enclosureFrom = findEnclosureStart(title, lines, firstNonBlank(lines, from, bodyEnd), bodyEnd);
    if (enclosureFrom !== null) bodyEnd = enclosureFrom;
  }
  const without = (a: number, b: number) => lines.slice(a, b).filter((l, k) => !listIndices.has(a + k) && !isImprint(l));
  const body = textBlock(without(from, bodyEnd)) ?? emptyBlock(lines[Math.min(from, lines.length - 1)].line);
  const enclosure = enclosureFrom === null ? null : enclosureBlock(without(enclosureFrom, annexStart));
  noteMissing(lines, h, signature, warnings);
  const source = trimBlank(lines.slice(h.start, end));
  return {
    title,
    docNumber: h.docNumber,
    recipients: read?.recipients ?? null,
    body,
    enclosure,
    attachments: mergeAttachments(lines, listed, headings, end),
    issuer: signature?.issuer ?? null,
    signedOn: signature?.signedOn ?? null,
    lines: {
      document: spanOf(source),
      title: spanOf(h.titleIndices.map((i) => lines[i])),
      docNumber: single(lines, h.numberIndex),
      recipients: read ? { start: lines[read.first].line, end: lines[read.last].line } : null,
      body: body.lines.length > 0 ? body.span : null,
      enclosure: enclosure ? { start: enclosure.titleSpan?.start ?? enclosure.span.start, end: enclosure.span.end } : null,
      attachmentList: listed.length > 0 ? { start: lines[listed[0].index].line, end: lines[listed[listed.length - 1].index].line } : null,
      issuer: signature && signature.issuerIndex !== null ? single(lines, signature.issuerIndex) : null,
      signedOn: signature ? single(lines, signature.dateIndex) : null,
    },
    source,
  };
}

/**
 * 版记 and 附注 are not text of the document: 抄送：…, …2023年3月13日印发, and a note wholly in
 * brackets such as （此件公开发布）.
 */
function isImprint(line: SourceLine): boolean {
  const t = squeeze(line.text);
  return /^抄送[:：]/.test(t) || /\d{4}年\d{1,2}月\d{1,2}日印发$/.test(t) || /^[（(][^（）()]{4,}[）)]$/.test(t);
}

function single(lines: readonly SourceLine[], index: number): LineSpan {
  return { start: lines[index].line, end: lines[index].line };
}

function firstNonBlank(lines: readonly SourceLine[], from: number, to: number): number {
  let i = from;
  while (i < to && isBlank(lines[i])) i += 1;
  return i;
}

function noteMissing(lines: readonly SourceLine[], h: DocumentHeader, s: Signature | null, warnings: ParseWarning[]): void {
  const line = lines[h.numberIndex].line;
  const doc = h.docNumber.text;
  if (!s) warnings.push({ line, message: `第${line}行：${doc}未找到成文日期和发文机关署名` });
  else if (s.issuer === null) {
    const at = lines[s.dateIndex].line;
    warnings.push({ line: at, message: `第${at}行：${doc}的成文日期上方未找到发文机关署名` });
  }
}

/** Listed and printed attachments, matched by number; the printed title wins over the listed one. */
function mergeAttachments(
  lines: readonly SourceLine[],
  listed: readonly ListedAttachment[],
  headings: readonly AnnexHeading[],
  end: number,
): Attachment[] {
  const numbers = [...new Set([...listed.map((a) => a.number), ...headings.map((a) => a.number)])].sort((a, b) => a - b);
  return numbers.map((number) => {
    const entry = listed.find((a) => a.number === number);
    const k = headings.findIndex((a) => a.number === number);
    const heading = headings[k];
    const titleIndex = heading?.titleIndex ?? null;
    const contentEnd = headings[k + 1]?.index ?? end;
    const printedTitle = titleIndex === null ? '' : clean(lines[titleIndex].text).replace(/\s+/g, ' ');
    return {
      number,
      title: printedTitle || entry?.title || '',
      listedOn: entry ? lines[entry.index].line : null,
      headingSpan: heading ? { start: lines[heading.index].line, end: lines[titleIndex ?? heading.index].line } : null,
      titleLine: titleIndex === null ? null : lines[titleIndex].line,
      content: heading && titleIndex !== null ? textBlock(lines.slice(titleIndex + 1, contentEnd)) : null,
    };
  });
}
