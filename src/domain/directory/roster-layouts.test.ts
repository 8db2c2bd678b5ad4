import { describe, expect, it } from 'vitest';
import { parseRoster } from './roster.js';

/** An annex on its own (no 发文字号) in the second layout: role words alone, NAME  POSITION lines. */
const SPACED = `附件
自治州某某工作领导小组成员名单

组长：
达列力别克·坎加汗    自治州副州长
第一副组长：
张  三    州人民政府副秘书长
副组长：
李  四    州财政局副局长
王五      州党委宣传部副部长，州广播电视局党组
          书记、局长
成员：
赵六      州发改委副主任
钱七      州卫健委副主任
孙  八    兵团第四师可克达拉市农业农村局<畜牧兽医局>副局长
领导小组下设办公室，办公室设在州财政局，办公室主任由李四同志兼任，副主任由州卫生健康委员会副主任钱七同志和
州财政局预算科科长周九同志担任。`;

describe('the whitespace layout (role alone on its line, NAME  POSITION)', () => {
  const [body] = parseRoster(SPACED);

  it('reads the body name and every member with role, rank and position', () => {
    expect(body.name).toBe('自治州某某工作领导小组');
    expect(body.members.map((m) => [m.role, m.rank, m.name, m.position, m.line])).toEqual([
      ['组长', 'leader', '达列力别克·坎加汗', '自治州副州长', 5],
      ['第一副组长', 'deputy', '张三', '州人民政府副秘书长', 7],
      ['副组长', 'deputy', '李四', '州财政局副局长', 9],
      ['副组长', 'deputy', '王五', '州党委宣传部副部长，州广播电视局党组书记、局长', 10],
      ['成员', 'member', '赵六', '州发改委副主任', 13],
      ['成员', 'member', '钱七', '州卫健委副主任', 14],
      ['成员', 'member', '孙八', '兵团第四师可克达拉市农业农村局〈畜牧兽医局〉副局长', 15],
    ]);
  });

  it('reads an office sentence wrapped over two lines', () => {
    expect(body.office).toEqual({
      unit: '州财政局',
      line: 16,
      director: { name: '李四', position: '州财政局副局长' },
      deputyDirectors: [
        { name: '钱七', position: '州卫生健康委员会副主任' },
        { name: '周九', position: '州财政局预算科科长' },
      ],
    });
  });
});

describe('role words and mixed layouts', () => {
  it.each([
    ['组长：张三 州财政局局长', '组长', 'leader', '张三', '州财政局局长'],
    ['常务副组长：李四（州财政局副局长）', '常务副组长', 'deputy', '李四', '州财政局副局长'],
    ['总指挥：王五(州应急管理局局长)', '总指挥', 'leader', '王五', '州应急管理局局长'],
    ['副主任委员：赵六（州卫健委主任）', '副主任委员', 'deputy', '赵六', '州卫健委主任'],
    ['主任委员：钱七（州卫健委主任）', '主任委员', 'leader', '钱七', '州卫健委主任'],
    ['组  员：孙八（州民政局科员）', '组员', 'member', '孙八', '州民政局科员'],
    ['吴九（州民政局科员）', '成员', 'member', '吴九', '州民政局科员'],
  ])('%s', (line, role, rank, name, position) => {
    const [body] = parseRoster(`某某工作组组成人员\n${line}`);
    expect(body.members).toEqual([{ role, rank, name, position, line: 2 }]);
  });

  it('does not take sentences, signatures or headings for members', () => {
    const text = `某某工作组组成人员
组长：张三（州财政局局长）
各成员单位要按照职责分工（见附表）抓好落实。
伊犁哈萨克自治州人民政府办公厅
2023年3月13日`;
    expect(parseRoster(text)[0].members.map((m) => m.name)).toEqual(['张三']);
  });

  it('drops a heading that lists no members (the 附件说明 of a notice read as plain text)', () => {
    expect(parseRoster('附件：1.某某指挥部组成人员\n2.某某领导小组组成人员')).toEqual([]);
  });
});
