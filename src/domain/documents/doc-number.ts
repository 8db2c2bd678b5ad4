import type { DocNumber } from './types.js';
import { squeeze } from './text-lines.js';

/**
 * 发文字号: 机关代字 + 〔year〕 + sequence + 号. Typed text uses 〔〕, [], ［］, （）, () or 【】 for
 * the year; all are read and written back as 〔〕. The sequence is never zero-padded on output.
 */
const OPEN = '〔\\[［（(【';
const CLOSE = '〕\\]］）)】';
const DOC_NUMBER = new RegExp(`^([\\u4e00-\\u9fa5]{1,16})[${OPEN}](\\d{4})[${CLOSE}]第?(\\d{1,5})号$`);
/** Looks like a 发文字号 line, whether or not it is well formed: a code, a bracket, 号 at the end. */
const DOC_NUMBER_SHAPE = new RegExp(`^[\\u4e00-\\u9fa5]{1,16}[${OPEN}][^${CLOSE}]*[${CLOSE}][^号]{0,8}号$`);
/** 签发人 may share the line with the number in 上行文. */
const SIGNER = /签发人[:：].*$/;

export function parseDocNumber(text: string): DocNumber | null {
  const m = DOC_NUMBER.exec(squeeze(text).replace(SIGNER, ''));
  if (!m) return null;
  const [, issuerCode, year, sequence] = m;
  return formatted(issuerCode, Number(year), Number(sequence));
}

/** True for a line shaped like a 发文字号 that parseDocNumber() rejects (伊州政办规〔23〕1号). */
export function isMalformedDocNumber(text: string): boolean {
  const s = squeeze(text).replace(SIGNER, '');
  return DOC_NUMBER_SHAPE.test(s) && parseDocNumber(s) === null;
}

export function formatted(issuerCode: string, year: number, sequence: number): DocNumber {
  return { issuerCode, year, sequence, text: `${issuerCode}〔${year}〕${sequence}号` };
}
