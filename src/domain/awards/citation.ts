/**
 * Citations as the regulation writes them: 第八条第（一）项第1目, 第十三条第（三）项.
 * Articles and items take Chinese numerals; sub-items (目) keep the document's Arabic "1.".
 */
export interface Citation {
  readonly article: number;
  readonly item?: number;
  readonly subItem?: number;
}

const DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** 1–99 in Chinese numerals as used for 条 and 项: 八, 十, 十三, 二十, 二十八. */
export function chineseNumeral(n: number): string {
  if (!Number.isInteger(n) || n < 1 || n > 99) throw new RangeError(`不支持的序号：${n}`);
  if (n < 10) return DIGITS[n];
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${tens === 1 ? '' : DIGITS[tens]}十${ones === 0 ? '' : DIGITS[ones]}`;
}

export function cite(article: number, item?: number, subItem?: number): Citation {
  return { article, item, subItem };
}

export function formatCitation(c: Citation): string {
  let text = `第${chineseNumeral(c.article)}条`;
  if (c.item !== undefined) text += `第（${chineseNumeral(c.item)}）项`;
  if (c.subItem !== undefined) text += `第${c.subItem}目`;
  return text;
}

export function formatCitations(citations: readonly Citation[]): string {
  return citations.map(formatCitation).join('、');
}
