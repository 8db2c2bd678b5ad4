import { describe, expect, it } from 'vitest';
import { isMalformedDocNumber, parseDocNumber } from './doc-number.js';

describe('发文字号', () => {
  it.each([
    ['伊州政办规〔2023〕1号', '伊州政办规', 2023, 1],
    ['伊州政办函[2023]14号', '伊州政办函', 2023, 14],
    ['伊州政办函［2023］22号', '伊州政办函', 2023, 22],
    ['伊州政办发（2023）6号', '伊州政办发', 2023, 6],
    ['伊州政办发(2023)8号', '伊州政办发', 2023, 8],
    ['伊州政办发【2024】3号', '伊州政办发', 2024, 3],
    ['  伊州政办发 〔2023〕 08 号  ', '伊州政办发', 2023, 8],
    ['伊州政发〔2023〕第5号', '伊州政发', 2023, 5],
    ['伊州政办发〔2023〕8号        签发人：张三', '伊州政办发', 2023, 8],
  ])('%j → %s〔%i〕%i号, written with 〔〕', (text, issuerCode, year, sequence) => {
    expect(parseDocNumber(text)).toEqual({ issuerCode, year, sequence, text: `${issuerCode}〔${year}〕${sequence}号` });
  });

  it.each([
    '关于印发《推进自治州2023年民生实事工作方案》的通知',
    '2023年2月25日',
    '伊犁哈萨克自治州人民政府办公厅',
    '（十九）11月，召开伊犁州工业经济运行情况新闻发布会（发布单位：州工业和信息化局）',
  ])('%j is not a 发文字号', (text) => {
    expect(parseDocNumber(text)).toBeNull();
    expect(isMalformedDocNumber(text)).toBe(false);
  });

  it.each(['伊州政办规〔23〕1号', '伊州政办规〔2023〕号', '伊州政办规〔二〇二三〕1号'])('%j is a malformed 发文字号', (text) => {
    expect(parseDocNumber(text)).toBeNull();
    expect(isMalformedDocNumber(text)).toBe(true);
  });
});
