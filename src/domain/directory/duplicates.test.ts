import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseDocuments } from '../documents/parse-documents.js';
import { findProbableDuplicates, type PersonRecord } from './duplicates.js';
import { canonicalOrganization } from './organizations.js';
import { splitPosition, splitPostAndName } from './positions.js';
import { parseRoster } from './roster.js';

const person = (id: string, name: string, organization: string, title: string): PersonRecord => ({ id, name, organization, title });

describe('findProbableDuplicates rules', () => {
  it.each([
    ['same pinyin (吐/土), organisation under another name', person('a', '卡比努尔·吐尔干江', '州发展和改革委员会', '副主任'), person('b', '卡比努尔·土尔干江', '州发展改革委', '副主任'), '姓名拼音相同（吐/土：ka bi nu er·tu er gan jiang），同属州发展和改革委员会，职务相近（副主任），请人工核对'],
    ['布/不, party post set aside', person('a', '米克热依·阿布都卡地尔', '州市场监督管理局', '党组副书记、局长'), person('b', '米克热依·阿不都卡地尔', '州市场监管局', '局长'), '姓名拼音相同（布/不：mi ke re yi·a bu dou ka di er），同属州市场监督管理局，职务相近（局长），请人工核对'],
    ['兵/彬, listed equivalents', person('a', '李新兵', '州水利局', '副局长'), person('b', '李新彬', '州水利局', '党组成员、副局长'), '姓名用字读音相近（兵/彬），同属州水利局，职务相近（副局长），请人工核对'],
    ['parts in the other order', person('a', '查汗巴依尔·巴勒登', '州残联', '党组副书记、理事长'), person('b', '巴尔登·查汗巴依尔', '州残疾人联合会', '理事长'), '姓名各部分顺序不同、读音相同，同属州残疾人联合会，职务相近（理事长），请人工核对'],
    ['padding only, a note on the title', person('a', '张  宏', '州科学技术局', '副局长'), person('b', '张宏', '州科技局', '副局长〈主持工作〉'), '姓名相同，同属州科学技术局，职务相近（副局长），请人工核对'],
  ])('reports %s', (_, a, b, reason) => {
    expect(findProbableDuplicates([a, b])).toEqual([{ ids: ['a', 'b'], names: [a.name, b.name], reason }]);
  });

  it.each([
    ['the same name in two organisations', person('a', '张超', '国网伊犁供电公司', '副总经理'), person('b', '张超', '中国移动伊犁州分公司', '副总经理')],
    ['alike names with unrelated titles', person('a', '李新兵', '州水利局', '副局长'), person('b', '李新彬', '州水利局', '驾驶员')],
    ['names that only share a surname', person('a', '张宏', '州科技局', '副局长'), person('b', '张洪军', '州科技局', '副局长')],
    ['different readings (吴虎寿 / 胡虎寿)', person('a', '吴虎寿', '州民政局', '副局长'), person('b', '胡虎寿', '州民政局', '副局长')],
  ])('does not report %s', (_, a, b) => {
    expect(findProbableDuplicates([a, b])).toEqual([]);
  });

  it('takes extra organisation aliases', () => {
    const a = person('a', '王一', '州消防救援支队', '支队长');
    const b = person('b', '王一', '州消防支队', '支队长');
    expect(findProbableDuplicates([a, b])).toEqual([]);
    expect(findProbableDuplicates([a, b], { 州消防救援支队: ['州消防支队'] })).toHaveLength(1);
  });
});

const REAL = readFileSync(new URL('../../../assets/documents/yili-2023-government-documents.txt', import.meta.url), 'utf8');

/**
 * The people the five documents name: roster members and liaisons, and the leaders the 8号 plan
 * names in its measures (…（州X负责，牵头领导：党组副书记、局长NAME，…）). One record per name and
 * canonical organisation, as a directory holds them after import.
 */
function realPeople(): PersonRecord[] {
  const documents = parseDocuments(REAL).documents;
  const people = new Map<string, PersonRecord>();
  const add = (id: string, name: string, position: string, unitInCharge?: string) => {
    const [post] = splitPosition(position);
    const named = unitInCharge === undefined || /^州/.test(position);
    const record = person(id, name, named ? post.unit : unitInCharge, named ? post.title : position);
    const key = `${record.name}|${canonicalOrganization(record.organization)}`;
    if (!people.has(key)) people.set(key, record);
  };
  for (const d of documents) {
    for (const body of parseRoster(d)) {
      for (const m of [...body.members, ...body.liaisons]) add(`${d.docNumber.sequence}号:${m.line}`, m.name, m.position);
    }
  }
  for (const { line, text } of documents[4].enclosure?.lines ?? []) {
    const measure = /（(州[^、，（）]+?)负责，(.*)）$/.exec(text.trim());
    for (const piece of measure?.[2].replace(/完成时限[:：].*$/, '').split(/[，；]/) ?? []) {
      const split = splitPostAndName(piece.replace(/^(牵头领导|责任领导)：/, ''));
      if (split && measure) add(`8号:${line}`, split.name, split.position, measure[1]);
    }
  }
  return [...people.values()];
}

describe('findProbableDuplicates on the real file', () => {
  it('reports the four spelling variants across the documents, and nothing else', () => {
    const people = realPeople();
    expect(people.length).toBeGreaterThan(140);
    const found = findProbableDuplicates(people).map((p) => [...p.ids, ...p.names]);
    expect(found).toEqual([
      ['14号:135', '14号:189', '卡比努尔·吐尔干江', '卡比努尔·土尔干江'],
      ['14号:199', '8号:436', '李新兵', '李新彬'],
      ['22号:325', '8号:447', '查汗巴依尔·巴勒登', '巴尔登·查汗巴依尔'],
      ['22号:332', '8号:475', '米克热依·阿布都卡地尔', '米克热依·阿不都卡地尔'],
    ]);
  });

  it('keeps 张超 of 国网 and 张超 of 中国移动 apart', () => {
    const zhangChao = realPeople().filter((p) => p.name === '张超');
    expect(zhangChao.map((p) => p.organization)).toEqual(['国网伊犁供电公司', '中国移动伊犁州分公司']);
    expect(findProbableDuplicates(zhangChao)).toEqual([]);
  });
});
