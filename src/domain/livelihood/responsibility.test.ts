import { describe, expect, it } from 'vitest';
import { readLeaders } from './leaders.js';
import { parseResponsibility, readDeadline, readUnits, splitResponsibility } from './responsibility.js';

describe('splitResponsibility', () => {
  it('takes the closing parenthesis only when it names who is responsible', () => {
    expect(splitResponsibility('措施（含说明）。（州民政局负责，完成时限：2023年12月31日）')).toEqual({
      body: '措施（含说明）。',
      responsibility: '州民政局负责，完成时限：2023年12月31日',
    });
    expect(splitResponsibility('确保完成天然气入户8000户（伊宁市3000户）')).toEqual({
      body: '确保完成天然气入户8000户（伊宁市3000户）',
      responsibility: null,
    });
  });
});

describe('readUnits', () => {
  it.each([
    ['州卫生健康委、教育局负责', ['州卫生健康委', '州教育局']],
    ['州住房和城乡建设局、生态环境局、发展改革委负责', ['州住房和城乡建设局', '州生态环境局', '州发展改革委']],
    ['自治州民政局、市场监督管理局负责', ['自治州民政局', '自治州市场监督管理局']],
    ['州教育局、伊宁市、霍城县负责', ['州教育局', '伊宁市', '霍城县']],
    ['各县市、州财政局负责', ['各县市', '州财政局']],
    ['教育局负责', ['教育局']],
  ])('%s', (head, units) => {
    expect(readUnits(head)).toEqual(units);
  });
});

describe('readLeaders', () => {
  it('splits people, not one person’s posts', () => {
    expect(readLeaders('州公安局交警支队党委委员、车管所所长王跃忠；州交通运输局党组成员，州交通运输综合行政执法局党支部书记、副局长严学武', ['州公安局', '州交通运输局'])).toEqual([
      { unit: '州公安局', title: '交警支队党委委员、车管所所长', name: '王跃忠' },
      { unit: '州交通运输局', title: '党组成员，州交通运输综合行政执法局党支部书记、副局长', name: '严学武' },
    ]);
  });

  it('leaves the unit open when several units share an unlabelled leader', () => {
    expect(readLeaders('党组成员赵敦武', ['州甲局', '州乙局'])).toEqual([{ unit: null, title: '党组成员', name: '赵敦武' }]);
  });

  it('drops a trailing post without a name', () => {
    expect(readLeaders('党组书记', ['州甲局'])).toEqual([]);
  });
});

describe('readDeadline', () => {
  it.each([
    ['2023年12月31日', '2023-12-31'], ['2023年11月底', '2023-11-30'], ['2024年2月', '2024-02-29'], ['6月30日', '2023-06-30'],
    ['年底', '2023-12-31'], ['全年持续推进', null], ['长期坚持', null],
  ])('%s → %s', (text, date) => {
    expect(readDeadline(text, 2023)).toBe(date);
  });
});

describe('parseResponsibility', () => {
  it('reads a parenthesis with an ASCII colon and no 责任领导', () => {
    expect(parseResponsibility('州市场监督管理局负责，牵头领导：党组副书记、局长米克热依·阿不都卡地尔，完成时限:2023年12月31日', 2023)).toEqual({
      units: ['州市场监督管理局'],
      leadLeader: '党组副书记、局长米克热依·阿不都卡地尔',
      leadLeaders: [{ unit: '州市场监督管理局', title: '党组副书记、局长', name: '米克热依·阿不都卡地尔' }],
      responsibleLeader: null,
      responsibleLeaders: [],
      deadline: '2023-12-31',
      deadlineText: '2023年12月31日',
    });
  });
});
