import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { contentHash } from './content-hash.js';
import { parseDocuments } from './parse-documents.js';

const REAL = readFileSync(new URL('../../../assets/documents/yili-2023-government-documents.txt', import.meta.url), 'utf8');
const hashes = (text: string) => parseDocuments(text).documents.map(contentHash);
const original = hashes(REAL);

describe('contentHash', () => {
  it('is a sha256 hex digest, different for each of the five documents', () => {
    expect(original.every((h) => /^[0-9a-f]{64}$/.test(h))).toBe(true);
    expect(new Set(original).size).toBe(5);
  });

  it.each([
    ['CRLF line endings', REAL.replace(/\n/g, '\r\n')],
    ['EN spaces turned into ideographic spaces', REAL.replace(/\u2002/g, '\u3000')],
    ['padding and trailing spaces removed', REAL.replace(/张  蕾/g, '张蕾').replace(/ +\n/g, '\n')],
    ['blank-line runs doubled', REAL.replace(/\n\n/g, '\n\n\n\n')],
    ['a wrapped position re-joined', REAL.replace('党组副\n书记、局长）', '党组副书记、局长）\n')],
    ['full-width digits', REAL.replace('2023年1月10日', '２０２３年１月１０日')],
  ])('does not change with %s', (_, variant) => {
    expect(hashes(variant)).toEqual(original);
  });

  it('changes when a visible character changes, in that document only', () => {
    const changed = hashes(REAL.replace('卡比努尔·土尔干江', '卡比努尔·吐尔干江'));
    expect(changed.map((h, i) => h === original[i])).toEqual([true, false, true, true, true]);
  });
});
