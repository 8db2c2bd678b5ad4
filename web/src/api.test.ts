import { describe, expect, it } from 'vitest';
import { filenameFrom, withQuery } from './api';

describe('withQuery', () => {
  it.each([
    [{}, '/api/audit'],
    [{ page: 2, pageSize: 20 }, '/api/audit?page=2&pageSize=20'],
    [{ page: 1, username: '', action: undefined, to: null }, '/api/audit?page=1'],
    [{ username: '张三 &x' }, '/api/audit?username=%E5%BC%A0%E4%B8%89+%26x'],
  ])('%j → %s', (query, expected) => {
    expect(withQuery('/api/audit', query)).toBe(expected);
  });

  it('extends a path that already has a query', () => {
    expect(withQuery('/api/x?a=1', { b: 2 })).toBe('/api/x?a=1&b=2');
  });
});

describe('filenameFrom (Content-Disposition)', () => {
  it.each([
    [null, null],
    ['attachment', null],
    ['attachment; filename="report.xlsx"', 'report.xlsx'],
    ['attachment; filename=report.xlsx', 'report.xlsx'],
    [
      `attachment; filename="award-plan.docx"; filename*=UTF-8''${encodeURIComponent('2023年奖励方案.docx')}`,
      '2023年奖励方案.docx',
    ],
  ])('%s → %s', (header, expected) => {
    expect(filenameFrom(header)).toBe(expected);
  });
});
