/**
 * The vocabulary of posts (职务) that ends a position: 副局长, 党组副书记, 三级调研员, 专职副主席,
 * 一级主任科员, with an optional note in brackets (〈主持工作〉). A title may carry a party
 * prefix (党组/党委/党支部), a modifier (常务/专职/第一), 副, and a grade (一级…四级).
 */
const PARTY = '(?:党组|党委|党工委|党支部|党总支)?';
const MODIFIER = '(?:常务|专职|兼职|第一|执行)?';
const GRADE = '(?:[一二三四]级)?';
const BASE = [
  '主任科员', '科员', '局长', '主任', '书记', '部长', '主席', '秘书长', '司令员', '政委', '师长', '关长',
  '总经理', '经理', '站长', '调研员', '负责人', '处长', '科长', '校长', '馆长', '总编辑', '主编', '理事长',
  '支队长', '大队长', '总队长', '队长', '所长', '院长', '社长', '会长', '厅长', '委员', '成员', '常委',
  '干部', '警长', '园长', '州长', '县长', '市长', '检察长', '庭长', '行长', '总监', '总工程师', '巡视员',
  '专员', '组长', '指挥长', '秘书', '主管', '审计长',
].join('|');
const NOTE = '(?:[（〈][^）〉]{1,8}[）〉])?';

export const TITLE = `${PARTY}${MODIFIER}副?${GRADE}(?:${BASE})${NOTE}`;

/** A whole string that is one title or titles joined by 、 (党组书记、副局长). */
export const TITLES_ONLY = new RegExp(`^${TITLE}(?:、${TITLE})*$`);

/** One title, the whole string. */
export const ONE_TITLE = new RegExp(`^${TITLE}$`);

/** Text that ends with a title (…州畜牧兽医局兽医处处长). */
export const ENDS_WITH_TITLE = new RegExp(`${TITLE}$`);
