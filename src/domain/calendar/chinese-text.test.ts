import { describe, expect, it } from 'vitest';
import { chineseNumeralValue, normalizeDigits, splitListMarker } from './chinese-text.js';

describe('Chinese numerals and list markers', () => {
  it.each([
    ['一', 1], ['十', 10], ['十九', 19], ['二十', 20], ['二十三', 23], ['一百零五', 105], ['两百', 200], ['甲', null],
  ])('%s = %s', (text, value) => {
    expect(chineseNumeralValue(text)).toBe(value);
  });

  it.each([
    ['（十九）11月，召开', { no: 19, rest: '11月，召开' }],
    ['(三)清明节', { no: 3, rest: '清明节' }],
    ['十、保障民生用煤', { no: 10, rest: '保障民生用煤' }],
    ['12.督促', { no: 12, rest: '督促' }],
    ['3.15消费者权益日', null],
    ['2023年', null],
  ])('splitListMarker(%s)', (line, expected) => {
    expect(splitListMarker(line)).toEqual(expected);
  });

  it('turns full-width digits into ASCII', () => {
    expect(normalizeDigits('２０２３年１２月')).toBe('2023年12月');
  });
});
