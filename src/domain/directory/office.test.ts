import { describe, expect, it } from 'vitest';
import { parseOffice } from './office.js';
import type { Member } from './types.js';

const member = (name: string, position: string): Member => ({ name, position, role: '成员', rank: 'member', line: 1 });
const MEMBERS = [
  member('王沛昭', '州畜牧兽医局党组书记、副局长'),
  member('于东华', '州动物卫生监督所党支部书记'),
  member('蒲永瑜', '州社科联专职副主席'),
  member('张五军', '州党委统战部副部长'),
  member('李一', '州财政局副局长'),
  member('李二', '州财政局副局长'),
];

describe('parseOffice', () => {
  it('reads 由于东华 as 由 + 于东华, and a deputy named after a post (14号, line 163)', () => {
    const text = '自治州防治重大动物疫病指挥部下设办公室，办公室设在自治州畜牧兽医局，负责指挥部日常工作。办公室主任由王沛昭同志兼任，副主任由于东华同志和州畜牧兽医局兽医处处长杨魁同志担任。';
    expect(parseOffice(text, MEMBERS, 163)).toEqual({
      unit: '自治州畜牧兽医局',
      line: 163,
      director: { name: '王沛昭', position: '州畜牧兽医局党组书记、副局长' },
      deputyDirectors: [
        { name: '于东华', position: '州动物卫生监督所党支部书记' },
        { name: '杨魁', position: '州畜牧兽医局兽医处处长' },
      ],
    });
  });

  it.each([
    ['a director named by post, held by one member', '办公室设在州社科联，主要负责日常工作。办公室主任由州社科联专职副主席担任。', { name: '蒲永瑜', position: '州社科联专职副主席' }],
    ['a post under another name of the unit', '办公室设在州社科联。办公室主任由州社会科学界联合会专职副主席担任。', { name: '蒲永瑜', position: '州社会科学界联合会专职副主席' }],
    ['a post two members hold', '办公室设在州财政局。办公室主任由州财政局副局长担任。', { name: null, position: '州财政局副局长' }],
    ['a post no member holds', '办公室设在州财政局。办公室主任由州财政局局长担任。', { name: null, position: '州财政局局长' }],
    ['a director who is not a member', '办公室设在州教育局，办公室主任由李静同志担任；', { name: '李静', position: null }],
    ['由…任办公室主任', '领导小组下设办公室，办公室设在州党委统战部，由张五军同志任办公室主任。', { name: '张五军', position: '州党委统战部副部长' }],
  ])('%s', (_, text, director) => {
    expect(parseOffice(text, MEMBERS, 1)?.director).toEqual(director);
  });

  it('splits deputies after 同志, so 和 inside a unit name stays', () => {
    const text = '办公室设在州住房和城乡建设局，副主任由州住房和城乡建设局副局长张三同志和李四同志担任。';
    expect(parseOffice(text, [], 1)?.deputyDirectors).toEqual([
      { name: '张三', position: '州住房和城乡建设局副局长' },
      { name: '李四', position: null },
    ]);
  });

  it('finds no office where the text sets none up', () => {
    expect(parseOffice('联席会议设联络员，由各成员单位有关处室负责同志担任。', MEMBERS, 1)).toBeNull();
  });
});
