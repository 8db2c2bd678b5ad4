import { api, withQuery } from '../../api';

/** Shapes of the documents API (src/server/routes/documents.routes.ts) and pure helpers for the pages. */

export type SearchField = 'all' | 'title' | 'number' | 'text';

export const SEARCH_FIELDS: { value: SearchField; label: string }[] = [
  { value: 'all', label: '全部' },
  { value: 'title', label: '标题' },
  { value: 'number', label: '发文字号' },
  { value: 'text', label: '全文' },
];

export interface DocumentListItem {
  id: string;
  docNumber: string;
  title: string;
  issuer: string | null;
  signedOn: string | null;
  attachments: number;
  importedAt: string;
  snippet: string | null;
}

export interface DocumentList {
  items: DocumentListItem[];
  total: number;
}

export interface SourceLine {
  line: number;
  text: string;
}

export type SectionKind = 'chapter' | 'article' | 'paragraph' | 'item' | 'subItem' | 'heading';

export interface SectionNode {
  kind: SectionKind;
  number: number;
  label: string;
  title?: string;
  text: string;
  line: number;
  endLine: number;
  children: SectionNode[];
}

export interface TextBlock {
  text: string;
  lines: SourceLine[];
  sections: SectionNode[];
}

export interface Enclosure extends TextBlock {
  title: string;
  titleSpan: { start: number; end: number } | null;
}

export interface Attachment {
  number: number;
  title: string;
  listedOn: number | null;
  titleLine: number | null;
  content: TextBlock | null;
}

/** The parsed elements as stored (OfficialDocument without its source lines). */
export interface DocumentStructure {
  title: string;
  recipients: { raw: string; organizations: string[] } | null;
  body: TextBlock;
  enclosure: Enclosure | null;
  attachments: Attachment[];
  issuer: string | null;
  signedOn: string | null;
}

export interface DocumentDetail {
  id: string;
  docNumber: string;
  issuerCode: string;
  title: string;
  recipients: string[];
  recipientsRaw: string | null;
  issuer: string | null;
  signedOn: string | null;
  attachments: { number: number; title: string; listedOn: number | null; titleLine: number | null }[];
  structure: DocumentStructure;
  originalText: string;
  firstLine: number;
  contentHash: string;
  sourceName: string | null;
  importedBy: string | null;
  importedAt: string;
}

export interface ImportReport {
  documents: { id: string; docNumber: string; title: string; signedOn: string | null; source: string; line: number; status: 'added' | 'unchanged' }[];
  added: number;
  unchanged: number;
  built: { importer: string; docNumber: string; label: string; items: string[] }[];
  warnings: { line: number; message: string; source: string }[];
}

export function documentsPath(q: string, field: SearchField, page: number, pageSize: number): string {
  return withQuery('/api/documents', { q: q.trim() || undefined, field: q.trim() && field !== 'all' ? field : undefined, page, pageSize });
}

export const documentPath = (id: string) => `/api/documents/${encodeURIComponent(id)}`;

export const documentsApi = {
  importText: (text: string, sourceName: string) => api.post<ImportReport>('/api/documents/import', { text, sourceName }),
};

/** The anchor a section's first line gets on the document page. */
export const anchorId = (line: number) => `l${line}`;

export interface TocItem {
  key: string;
  href: string;
  title: string;
  children?: TocItem[];
}

/** A node's table-of-contents line: 第三章 奖励标准, 第十条, （二）加强督促检查, 1、成员名单. */
export function tocTitle(node: SectionNode): string {
  const rest = node.title ?? node.text;
  const short = [...rest].length > 18 ? `${[...rest].slice(0, 18).join('')}…` : rest;
  if (node.kind === 'article' || node.kind === 'chapter') return node.title ? `${node.label} ${node.title}` : node.label;
  return `${node.label}${short}`;
}

/** Chapters and their articles, or top-level headings and their first level: two levels at most. */
export function tocOf(sections: readonly SectionNode[], depth = 2): TocItem[] {
  return sections
    .filter((s) => s.kind !== 'paragraph' || s.children.length > 0)
    .flatMap((s) => (s.kind === 'paragraph' ? s.children : [s]))
    .map((s) => ({
      key: anchorId(s.line),
      href: `#${anchorId(s.line)}`,
      title: tocTitle(s),
      ...(depth > 1 && s.children.length > 0 && s.kind !== 'article' ? { children: tocOf(s.children, depth - 1) } : {}),
    }));
}

/** The whole document's contents: body, the issued text (enclosure), each annex. */
export function documentToc(structure: DocumentStructure): TocItem[] {
  const items: TocItem[] = [{ key: 'top', href: '#doc-top', title: '正文', children: tocOf(structure.body.sections) }];
  const enclosure = structure.enclosure;
  if (enclosure) {
    const line = enclosure.titleSpan?.start ?? enclosure.lines[0]?.line ?? 0;
    items.push({ key: anchorId(line), href: `#${anchorId(line)}`, title: enclosure.title || '印发文本', children: tocOf(enclosure.sections) });
  }
  for (const a of structure.attachments) {
    items.push({ key: `annex-${a.number}`, href: `#annex-${a.number}`, title: `附件${a.number}${a.title ? ` ${a.title}` : ''}` });
  }
  return items.map((i) => (i.children && i.children.length === 0 ? { key: i.key, href: i.href, title: i.title } : i));
}

/** Every section starting on a line, outermost first (a line may start a heading and its first item). */
export function sectionStarts(sections: readonly SectionNode[]): Map<number, SectionNode[]> {
  const map = new Map<number, SectionNode[]>();
  const walk = (nodes: readonly SectionNode[]) => {
    for (const n of nodes) {
      map.set(n.line, [...(map.get(n.line) ?? []), n]);
      walk(n.children);
    }
  };
  walk(sections);
  return map;
}

/**
 * 版头 of the printed document (GB/T 9704): 文件格式 for 规/发 (…办公厅文件, one red rule under the
 * number), 信函格式 for 函 (the organ's name, double red rule, number on the right).
 */
export function letterhead(doc: Pick<DocumentDetail, 'issuerCode' | 'issuer'>): { mark: string; letter: boolean } {
  const organ = doc.issuer ?? (doc.issuerCode.startsWith('伊州政办') ? '伊犁哈萨克自治州人民政府办公厅' : doc.issuerCode);
  const letter = doc.issuerCode.endsWith('函');
  return { mark: letter ? organ : `${organ}文件`, letter };
}

/** 2023-02-25 → 2023年2月25日, as a 成文日期 is printed. */
export function printedDate(iso: string | null): string {
  if (!iso) return '';
  const [y, m, d] = iso.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

/** The line named by a parse error (第304行：…), to show it next to the message. */
export function errorLine(message: string): number | null {
  const m = /第(\d+)行/.exec(message);
  return m ? Number(m[1]) : null;
}
