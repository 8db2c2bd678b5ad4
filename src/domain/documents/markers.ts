import { fromChineseNumeral } from './numerals.js';

/**
 * Numbering markers at the start of a line. Styles: 第X章, 第X节, 第X条, 一、, 1、, 1., （一）,
 * （1）, ①. Styles of one shape (一、/1、/1. and （一）/（1）) are treated as one family, because
 * real text switches between them inside one list (1、 then 二、; （1） then （二）).
 */
export type MarkerStyle =
  | 'chapter' | 'section' | 'article' | 'cnComma' | 'arComma' | 'arDot' | 'cnParen' | 'arParen' | 'circled';

export interface Marker {
  readonly style: MarkerStyle;
  readonly number: number;
  /** As written, trimmed: 第十三条, （三）, 1. */
  readonly label: string;
  readonly rest: string;
}

const CN = '[零〇一二两三四五六七八九十百千]+';
const PATTERNS: readonly { style: MarkerStyle; re: RegExp }[] = [
  { style: 'chapter', re: new RegExp(`^第(${CN}|\\d{1,3})章`) },
  { style: 'section', re: new RegExp(`^第(${CN}|\\d{1,3})节`) },
  { style: 'article', re: new RegExp(`^第(${CN}|\\d{1,3})条`) },
  { style: 'cnComma', re: new RegExp(`^(${CN})\\s*、`) },
  // 1.2023年… is an entry numbered 1; 1.25亿元 is not a marker.
  { style: 'arComma', re: /^(\d{1,3})\s*、/ },
  { style: 'arDot', re: /^(\d{1,3})\s*[.．](?:(?!\d)|(?=\d{4}年))/ },
  { style: 'cnParen', re: new RegExp(`^[（(]\\s*(${CN})\\s*[）)]`) },
  { style: 'arParen', re: /^[（(]\s*(\d{1,3})\s*[）)]/ },
  { style: 'circled', re: /^([①-⑳])/ },
];

export function readMarker(line: string): Marker | null {
  for (const { style, re } of PATTERNS) {
    const m = re.exec(line);
    if (!m) continue;
    const number = style === 'circled' ? m[1].charCodeAt(0) - 0x2460 + 1 : fromChineseNumeral(m[1]);
    return { style, number, label: m[0].replace(/\s+/g, ''), rest: line.slice(m[0].length).trim() };
  }
  return null;
}

export function family(style: MarkerStyle): string {
  if (style === 'cnComma' || style === 'arComma' || style === 'arDot') return 'comma';
  if (style === 'cnParen' || style === 'arParen') return 'paren';
  return style;
}

export function isStructural(style: MarkerStyle): boolean {
  return style === 'chapter' || style === 'section' || style === 'article';
}
