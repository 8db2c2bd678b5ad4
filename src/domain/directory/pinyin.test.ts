import { describe, expect, it } from 'vitest';
import { matchesPinyin, pinyinKeys } from './pinyin.js';

const LEAD = '达列力别克·坎加汗';

describe('pinyinKeys', () => {
  it('reads each part of a transliterated name, toneless', () => {
    expect(pinyinKeys(LEAD)).toMatchObject({ full: 'dalielibiekekanjiahan', initials: ['dllbk', 'kjh'] });
    expect(pinyinKeys('达列力别克•坎加汗')).toEqual(pinyinKeys(LEAD));
  });

  it('reads the first character of a Chinese name as a surname and keeps other readings', () => {
    expect(pinyinKeys('曾军峰').parts[0].readings[0]).toEqual(['zeng', 'ceng']);
    expect(pinyinKeys('张  蕾').full).toBe('zhanglei');
    expect(pinyinKeys('米克热依·阿布都卡地尔').parts[1].readings[2]).toEqual(['dou', 'du']);
  });
});

describe('matchesPinyin', () => {
  it.each([
    [LEAD, 'dlbk', true, 'initials, skipping 力'],
    [LEAD, 'dllbk', true, 'every initial of the first part'],
    [LEAD, 'DLBK', true, 'upper case'],
    [LEAD, 'dalie', true, 'full-pinyin prefix'],
    [LEAD, 'da lie', true, 'syllables typed with a space'],
    [LEAD, 'dalielibiekekanjiahan', true, 'the whole name'],
    [LEAD, 'kanjia', true, 'prefix of the second part'],
    [LEAD, 'kjh', true, 'initials of the second part'],
    [LEAD, 'dlbkkjh', true, 'initials across both parts'],
    [LEAD, '达列', true, 'Chinese substring'],
    [LEAD, '坎加汗', true, 'Chinese part'],
    [LEAD, '克坎', true, 'Chinese substring across the dot'],
    [LEAD, 'lbk', false, 'initials must start at a part'],
    [LEAD, 'alie', false, 'pinyin must start at a syllable of a part'],
    [LEAD, 'kjd', false, 'letters out of order'],
    [LEAD, '', false, 'empty query'],
    [LEAD, 'd1', false, 'not pinyin'],
    ['曾军峰', 'zjf', true, 'surname reading'],
    ['曾军峰', 'cengjun', true, 'the other reading'],
    ['米克热依·阿布都卡地尔', 'abudu', true, '都 read du in a transliteration'],
    ['张蕾', 'zhangl', true, 'prefix cut inside a syllable'],
    ['张蕾', 'zl', true, 'initials'],
    ['张蕾', 'wang', false, 'another name'],
  ])('%s ← %j: %s (%s)', (name, query, expected) => {
    expect(matchesPinyin(name, query)).toBe(expected);
  });
});
