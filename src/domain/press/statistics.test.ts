import { describe, expect, it } from 'vitest';
import type { PlannedConference } from './press-plan.js';
import { pressStatisticsByUnit } from './statistics.js';

const plan = (seq: number, month: string, unit: string): PlannedConference => ({
  seq, month, unit, topic: `第${seq}场`, formKind: 'prefecture-department',
});

describe('pressStatisticsByUnit', () => {
  it('counts planned, held, overdue, upcoming and ad-hoc per unit', () => {
    const planned = [plan(2, '2023-04', '州公安局'), plan(9, '2023-07', '州公安局'), plan(14, '2023-09', '州公安局'), plan(3, '2023-05', '霍城县')];
    const held = [
      { unit: '州公安局', date: '2023-04-18', planSeq: 2 },
      { unit: '州公安局', date: '2023-08-02', planSeq: 9 },
      { unit: '州公安局', date: '2023-06-01', planSeq: null },
      { unit: '州教育局', date: '2023-06-05', planSeq: null },
    ];
    expect(pressStatisticsByUnit(planned, held, '2023-09-10')).toEqual([
      { unit: '州公安局', planned: 3, heldAsPlanned: 2, heldInPlannedMonth: 1, overdue: 0, upcoming: 1, heldAdHoc: 1 },
      { unit: '霍城县', planned: 1, heldAsPlanned: 0, heldInPlannedMonth: 0, overdue: 1, upcoming: 0, heldAdHoc: 0 },
      { unit: '州教育局', planned: 0, heldAsPlanned: 0, heldInPlannedMonth: 0, overdue: 0, upcoming: 0, heldAdHoc: 1 },
    ]);
  });

  it('is empty for empty input', () => {
    expect(pressStatisticsByUnit([], [], '2023-01-01')).toEqual([]);
  });
});
