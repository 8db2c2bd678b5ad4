import type { IsoDate } from '../shared/dates.js';

/** 1-based, inclusive line numbers in the text that was parsed. */
export interface LineSpan {
  readonly start: number;
  readonly end: number;
}

/** One line of the original text, as written (no line terminator). */
export interface SourceLine {
  readonly line: number;
  readonly text: string;
}

/** 发文字号, e.g. 伊州政办规〔2023〕1号 (brackets always normalised to 〔〕). */
export interface DocNumber {
  readonly issuerCode: string;
  readonly year: number;
  readonly sequence: number;
  readonly text: string;
}

/** 主送机关: the line as written (without the closing colon) and the organisations on it. */
export interface Recipients {
  readonly raw: string;
  readonly organizations: readonly string[];
}

export type SectionKind = 'chapter' | 'article' | 'paragraph' | 'item' | 'subItem' | 'heading';

export interface SectionNode {
  readonly kind: SectionKind;
  readonly number: number;
  /** As written: 第十三条, （三）, 1., 1、 — for a 款 (never numbered in the text) it is 第二款. */
  readonly label: string;
  readonly title?: string;
  /** The node's own text, label removed, hard-wrapped lines joined; children are not included. */
  readonly text: string;
  readonly line: number;
  readonly endLine: number;
  readonly children: readonly SectionNode[];
}

/** A run of lines of one document with its numbered structure. */
export interface TextBlock {
  /** Non-blank lines, whitespace-trimmed, joined with \n. */
  readonly text: string;
  readonly span: LineSpan;
  readonly lines: readonly SourceLine[];
  readonly sections: readonly SectionNode[];
}

/** The text a 印发 notice issues (办法, 方案, 计划), printed after the notice itself. */
export interface Enclosure extends TextBlock {
  /** '' when the enclosure starts without a title line. */
  readonly title: string;
  readonly titleSpan: LineSpan | null;
}

/** 附件N: listed in the 附件说明 and/or printed after the signature under a 附件N heading. */
export interface Attachment {
  readonly number: number;
  readonly title: string;
  /** Line of the 附件说明 entry, when the attachment is listed. */
  readonly listedOn: number | null;
  /** The 附件N heading and the annex title, when the annex text is present. */
  readonly headingSpan: LineSpan | null;
  readonly titleLine: number | null;
  readonly content: TextBlock | null;
}

export interface DocumentLines {
  readonly document: LineSpan;
  readonly title: LineSpan;
  readonly docNumber: LineSpan;
  readonly recipients: LineSpan | null;
  readonly body: LineSpan | null;
  readonly enclosure: LineSpan | null;
  readonly attachmentList: LineSpan | null;
  readonly issuer: LineSpan | null;
  readonly signedOn: LineSpan | null;
}

export interface OfficialDocument {
  readonly title: string;
  readonly docNumber: DocNumber;
  readonly recipients: Recipients | null;
  readonly body: TextBlock;
  readonly enclosure: Enclosure | null;
  readonly attachments: readonly Attachment[];
  readonly issuer: string | null;
  readonly signedOn: IsoDate | null;
  readonly lines: DocumentLines;
  /** Every line of the document, blank ones included: what contentHash() reads. */
  readonly source: readonly SourceLine[];
}

/** Something the parser noticed but could carry on past (a missing signature, say). */
export interface ParseWarning {
  readonly line: number;
  readonly message: string;
}

export interface ParseResult {
  readonly documents: readonly OfficialDocument[];
  readonly warnings: readonly ParseWarning[];
}
