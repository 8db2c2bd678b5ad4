import { describe, expect, it } from 'vitest';
import { isPlausibleName, nameParts, normalizeName } from './names.js';

describe('normalizeName', () => {
  it.each([
    ['张  蕾', '张蕾'],
    ['孙  艳', '孙艳'],
    ['  李  静 ', '李静'],
    ['张\u3000宏', '张宏'],
    ['张\u2002宏', '张宏'],
    ['达列力别克·坎加汗', '达列力别克·坎加汗'],
    ['达列力别克•坎加汗', '达列力别克·坎加汗'],
    ['达列力别克・坎加汗', '达列力别克·坎加汗'],
    ['达列力别克.坎加汗', '达列力别克·坎加汗'],
    ['达列力别克．坎加汗', '达列力别克·坎加汗'],
    ['达列力别克 · 坎加汗', '达列力别克·坎加汗'],
    ['·坎加汗·', '坎加汗'],
  ])('%j → %s', (raw, name) => {
    expect(normalizeName(raw)).toBe(name);
  });
});

describe('isPlausibleName', () => {
  it.each([
    ['张蕾', true], ['皇甫超瑾', true], ['达列力别克·坎加汗', true], ['米克热依·阿布都卡地尔', true],
    ['李', false], ['州社科联专职副主席', false], ['于东华同志和', false], ['abc', false], ['张·', false],
  ])('%s → %s', (name, plausible) => {
    expect(isPlausibleName(name)).toBe(plausible);
  });
});

describe('nameParts', () => {
  it('splits a transliterated name at its middle dot, whatever the dot', () => {
    expect(nameParts('达列力别克•坎加汗')).toEqual(['达列力别克', '坎加汗']);
    expect(nameParts('张  蕾')).toEqual(['张蕾']);
  });
});
