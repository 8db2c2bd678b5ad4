import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseDocuments } from '../documents/parse-documents.js';
import { parseRoster } from './roster.js';
import type { Member } from './types.js';

const REAL = readFileSync(new URL('../../../assets/documents/yili-2023-government-documents.txt', import.meta.url), 'utf8');
const LINES = REAL.split('\n');
const members: Member[] = parseDocuments(REAL).documents.flatMap((d) => parseRoster(d)).flatMap((b) => b.members);
const at = (line: number) => members.find((m) => m.line === line);

/** Each quirk: the raw line as it is in the file, and what the roster makes of it. */
describe('roster quirks of the real file', () => {
  it.each([
    [311, '张  蕾（州党委教育工委副书记，州教育局党组书', '张蕾', '州党委教育工委副书记，州教育局党组书记、副局长'],
    [315, '                孙  艳（州党委宣传部副部长，州广播电视局党组', '孙艳', '州党委宣传部副部长，州广播电视局党组书记、局长'],
    [324, '            赵  燕（州妇女联合会党组成员）               ', '赵燕', '州妇女联合会党组成员'],
    [309, '主  任：刘庆华（自治州副州长）', '刘庆华', '自治州副州长'],
  ])('line %i: padding spaces inside names and before lines are dropped', (line, raw, name, position) => {
    expect(LINES[line - 1]).toBe(raw);
    expect([at(line)?.name, at(line)?.position]).toEqual([name, position]);
  });

  it.each([
    [186, '副组长：曾军峰（州人民政府副秘书长、乡村振兴局党组副', '州人民政府副秘书长、乡村振兴局党组副书记、局长'],
    [197, '严学武（州交通运输局党组成员、综合行政执法局', '州交通运输局党组成员、综合行政执法局党支部书记'],
    [321, '李文永（州人力资源和社会保障局党组成员、州就', '州人力资源和社会保障局党组成员、州就业服务管理局局长'],
  ])('line %i: a position wrapped in the middle of a line joins the next line', (line, raw, position) => {
    expect(LINES[line - 1]).toBe(raw);
    expect(at(line)?.position).toBe(position);
    expect(members.some((m) => m.line === line + 1)).toBe(false);
  });

  it.each([
    [150, '韩文国', '兵团第四师可克达拉市农业农村局〈畜牧兽医局〉副局长'],
    [158, '芦健', '伊宁〈那拉提〉机场副总经理'],
    [188, '钟江林', '州气象局党组副书记、副局长〈主持工作〉'],
    [230, '戴剑波', '州党委党研室〈地方志办〉副主任'],
  ])('line %i: ASCII <> and full-width 〈〉 inside positions are both kept, written 〈〉', (line, name, position) => {
    expect([at(line)?.name, at(line)?.position]).toEqual([name, position]);
  });

  it('keeps the full-width brackets around the position out of it, and no member name has a space', () => {
    expect(members.every((m) => !/[\s（）()]/.test(m.name))).toBe(true);
    expect(members.every((m) => !/^[（(]|[）)]$/.test(m.position))).toBe(true);
  });

  it('reads trailing padding after a deputy (line 310) and a role after padding (line 314)', () => {
    expect(LINES[309].endsWith('  ')).toBe(true);
    expect([at(310)?.name, at(310)?.role]).toEqual(['亚森江·沙吾提', '副主任']);
    expect([at(314)?.name, at(314)?.role, at(315)?.role]).toEqual(['阿依木拉提·努尔布卡', '委员', '委员']);
  });
});
