import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parsePressPlan } from './press-plan.js';
import { approvalFormKind } from './press-unit.js';

const DOCUMENTS = readFileSync(new URL('../../../assets/documents/yili-2023-government-documents.txt', import.meta.url), 'utf8');
/** 伊州政办发〔2023〕6号, from its number to the next document's number. */
const PLAN_2023 = DOCUMENTS.slice(DOCUMENTS.indexOf('伊州政办发〔2023〕6号'), DOCUMENTS.indexOf('伊州政办函〔2023〕22号'));

const EXPECTED: [number, string, string, string][] = [
  [1, '2023-03', '伊犁州“3·15”消费者权益保护新闻发布会', '州市场监督管理局'],
  [2, '2023-04', '伊犁州交通管理“放管服”新闻发布会', '州公安局'],
  [3, '2023-05', '2023年伊犁·国际旅游谷霍城第十二届薰衣草国际旅游节新闻发布会', '霍城县'],
  [4, '2023-05', '新源县旅游高质量发展新闻发布会', '新源县'],
  [5, '2023-05', '《奇遇那拉提》系列动漫新闻发布会', '那拉提景区管委会'],
  [6, '2023-06', '伊犁州文旅品牌新闻发布会', '州文化和旅游局'],
  [7, '2023-06', '伊犁州深入打好污染防治攻坚战新闻发布会', '州生态环境局'],
  [8, '2023-06', '伊犁州安全生产月新闻发布会', '州应急管理局'],
  [9, '2023-07', '伊犁州打击电信诈骗工作新闻发布会', '州公安局'],
  [10, '2023-07', '伊犁州推进托育服务发展新闻发布会', '州卫生健康委员会'],
  [11, '2023-07', '伊犁天马国际旅游节新闻发布会', '昭苏县'],
  [12, '2023-08', '伊犁州住房公积金“跨省通办”业务新闻发布会', '州住房公积金管理中心'],
  [13, '2023-08', '伊犁州畜牧业高质量发展新闻发布会', '州畜牧兽医局'],
  [14, '2023-09', '伊犁州社会治安整治情况新闻发布会', '州公安局'],
  [15, '2023-09', '伊犁州市政基础设施建设新闻发布会', '州住房和城乡建设局'],
  [16, '2023-09', '伊犁州巩固拓展脱贫攻坚成果同乡村振兴有效衔接推进情况新闻发布会', '州乡村振兴局'],
  [17, '2023-10', '伊犁州医疗保障改革政策落地情况新闻发布会', '州医疗保障局'],
  [18, '2023-10', 'G218线伊宁市过境公路通车运营新闻发布会', '州交通运输局'],
  [19, '2023-11', '伊犁州工业经济运行情况新闻发布会', '州工业和信息化局'],
];
const COUNTY_SEQS = [3, 4, 11];

describe('parsePressPlan on 伊州政办发〔2023〕6号', () => {
  const plan = parsePressPlan(PLAN_2023);

  it('reads all 19 conferences in document order', () => {
    expect(plan.year).toBe(2023);
    expect(plan.declaredCount).toBe(19);
    expect(plan.conferences).toEqual(
      EXPECTED.map(([seq, month, topic, unit]) => ({
        seq, month, topic, unit, formKind: COUNTY_SEQS.includes(seq) ? 'county' : 'prefecture-department',
      })),
    );
  });

  it('reads the working requirements', () => {
    expect(plan.requirements).toEqual({
      venue: '州政府五楼新闻发布厅',
      printedCopies: 10,
      leadWorkdays: 7,
      contact: { name: '钱宾宾', phones: ['0999-8033269', '15894130621'] },
      approvalForms: [
        { kind: 'prefecture-department', title: '2023年州直部门（单位）新闻发布会审批单' },
        { kind: 'county', title: '2023年州直县（市）新闻发布会审批单' },
      ],
    });
  });
});

describe('parsePressPlan on other layouts', () => {
  it('reads 1. markers, half-width brackets, 上旬 and Chinese numerals; year from the title', () => {
    const text = [
      '自治州人民政府2031年新闻发布计划',
      '1.3月上旬，召开春耕备耕新闻发布会(发布单位:州农业农村局)。',
      '2. 12月，召开伊宁市冬季供暖新闻发布会（发布单位：伊宁市人民政府）',
      '（三）召开没有月份的新闻发布会（发布单位：州统计局）',
      '准备材料后提前五个工作日报备案；提供书面（二十份）材料。',
    ].join('\n');
    const plan = parsePressPlan(text);
    expect(plan.conferences).toEqual([
      { seq: 1, month: '2031-03', topic: '春耕备耕新闻发布会', unit: '州农业农村局', formKind: 'prefecture-department' },
      { seq: 2, month: '2031-12', topic: '伊宁市冬季供暖新闻发布会', unit: '伊宁市人民政府', formKind: 'county' },
    ]);
    expect(plan.declaredCount).toBeNull();
    expect(plan.requirements).toMatchObject({ leadWorkdays: 5, printedCopies: 20, venue: null, contact: null });
  });

  it('needs a year', () => {
    expect(() => parsePressPlan('（一）3月，召开新闻发布会（发布单位：州公安局）')).toThrow('无法确定新闻发布计划的年份');
    expect(parsePressPlan('（一）3月，召开新闻发布会（发布单位：州公安局）', 2024).conferences[0].month).toBe('2024-03');
  });
});

describe('approvalFormKind', () => {
  it.each([
    ['霍城县', 'county'], ['新源县', 'county'], ['昭苏县', 'county'], ['伊宁市', 'county'], ['奎屯市人民政府', 'county'],
    ['霍尔果斯市', 'county'], ['察布查尔锡伯自治县', 'county'], ['某某县委宣传部', 'county'],
    ['州公安局', 'prefecture-department'], ['自治州人民政府新闻办公室', 'prefecture-department'],
    ['那拉提景区管委会', 'prefecture-department'], ['霍尔果斯经济开发区管委会', 'prefecture-department'],
    ['州市场监督管理局', 'prefecture-department'], ['伊犁国家农业科技园区', 'prefecture-department'],
  ])('%s → %s', (unit, kind) => {
    expect(approvalFormKind(unit)).toBe(kind);
  });
});
