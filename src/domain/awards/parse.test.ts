import { describe, expect, it } from 'vitest';
import { evaluateBatch } from './evaluate.js';
import { DomainError } from '../errors.js';
import { AwardBatchShapeError, parseAwardBatch } from './parse.js';

describe('parseAwardBatch', () => {
  it.each([
    [{ results: [] }, '奖励申报批次应为JSON数组'],
    ['[]', '奖励申报批次应为JSON数组'],
    [null, '奖励申报批次应为JSON数组'],
    [[{ id: 'a' }, 3], '第2项不是对象'],
    [[[]], '第1项不是对象'],
  ])('refuses a batch of the wrong shape: %j', (json, message) => {
    expect(() => parseAwardBatch(json)).toThrow(AwardBatchShapeError);
    expect(() => parseAwardBatch(json)).toThrow(DomainError);
    expect(() => evaluateBatch(json)).toThrow(message);
  });

  it('accepts an empty batch', () => {
    expect(evaluateBatch([])).toEqual({ results: [] });
  });

  it('keeps numeric ids and reads optional fields as absent', () => {
    const [parsed] = parseAwardBatch([
      { id: 7, kind: 'transfer', date: '2023-05-01', appliedOn: '2023-05-02', athletes: [{ name: '甲' }], coaches: [{ name: '乙', role: 'original' }] },
    ]);
    expect(parsed.id).toBe('7');
    expect(parsed.entry).toMatchObject({ kind: 'transfer', disqualified: null, athletes: [{ name: '甲', county: null }] });
  });

  it('collects every problem of an entry, each naming its field', () => {
    const [parsed] = parseAwardBatch([
      { id: 'x', kind: 'result', games: 'region-games', date: '2023-13-01', appliedOn: 20230901, event: 'relay', place: 1.5, athletes: [{ county: '伊宁县' }], disqualified: 'late' },
    ]);
    expect(parsed.entry).toBeNull();
    expect(parsed.problems).toEqual([
      'date：不是有效日期："2023-13-01"（应为YYYY-MM-DD）',
      'appliedOn：不是有效日期：20230901（应为YYYY-MM-DD）',
      'disqualified：未知取值"late"（可选：fraud、doping、violation）',
      'athletes[0].name：缺少必填项',
      'event：未知取值"relay"（可选：individual、team）',
      'sport：缺少必填项',
      'place：应为正整数（名次1–8，少数民族运动会一、二、三等奖记1–3）',
    ]);
  });

  it('refuses two head coaches for one result', () => {
    const [parsed] = parseAwardBatch([
      {
        id: 'x', kind: 'result', games: 'region-games', date: '2023-08-01', appliedOn: '2023-08-02', event: 'individual', sport: '田径', place: 1,
        athletes: [{ name: '甲' }], coaches: [{ name: '乙', role: 'head' }, { name: '丙', role: 'head' }],
      },
    ]);
    expect(parsed.problems).toEqual(['coaches：一项成绩最多一名现任主管教练员（head）']);
  });
});
