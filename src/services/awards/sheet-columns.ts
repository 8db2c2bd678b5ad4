/**
 * The Excel form of the batch shape: one column per field of a result (the header names the field,
 * e.g. 运动会（games）), one row per result. Lists live in one cell: 运动员 `阿力木（伊宁县）；古丽（巩留县）`,
 * 教练员 `张伟（现任主管教练员）；李军（原培养、输送教练员）`, 追加奖励 `3000；5000`. Codes and the Chinese
 * words users write are both accepted; anything else is passed on as written, so the evaluator names
 * the field in its reason exactly as for JSON input.
 */
import { RULEBOOK_2023, type SelectionGames } from '../../domain/awards/index.js';

export interface SheetColumn {
  key: string;
  label: string;
  hint: string;
  example: string | number | null;
}

export const SHEET_COLUMNS: readonly SheetColumn[] = [
  { key: 'id', label: '记录编号', hint: '可空，默认为行号', example: 'r1' },
  { key: 'kind', label: '类别', hint: '成绩奖 / 入选奖 / 输送奖 / 体育道德风尚奖', example: '成绩奖' },
  { key: 'games', label: '运动会', hint: '区运会、区少数民族传统体育运动会、区青少年锦标赛、国内大型运动会、国际大型运动会、州青少年运动会、州少数民族传统体育运动会；入选奖填奥运会、世界锦标赛、亚运会或其他所列运动会', example: '区运会' },
  { key: 'date', label: '成绩日期', hint: 'YYYY-MM-DD', example: '2023-08-10' },
  { key: 'event', label: '项目类型', hint: '个人 / 团体', example: '个人' },
  { key: 'sport', label: '运动项目', hint: '足球、篮球、排球适用第九条球类标准', example: '田径' },
  { key: 'teamSize', label: '参赛人数', hint: '团体项目必填', example: 1 },
  { key: 'place', label: '名次', hint: '名次1–8；少数民族运动会一、二、三等奖填1–3', example: 1 },
  { key: 'team', label: '运动队', hint: '', example: '伊犁州田径队' },
  { key: 'teamCounty', label: '运动队所属县（市）', hint: '五人以上团体的追踪奖', example: null },
  { key: 'athletes', label: '运动员', hint: '姓名（县市），多人用；分隔', example: '阿力木（伊宁县）' },
  { key: 'enteredTeamOn', label: '进入州直运动队日期', hint: 'YYYY-MM-DD（第二十七条）', example: '2021-03-01' },
  { key: 'coaches', label: '教练员', hint: '姓名（现任主管教练员 / 原培养、输送教练员 / 助理教练员），多人用；分隔', example: '张伟（现任主管教练员）；李军（原培养、输送教练员）；赵磊（助理教练员）' },
  { key: 'regionAward', label: '自治区奖励金额（元）', hint: '国内、国际大型运动会必填', example: null },
  { key: 'extraAwards', label: '追加奖励（元）', hint: '第十五条，多项用；分隔', example: '3000；5000' },
  { key: 'disqualified', label: '取消奖励情形', hint: '空 / 弄虚作假 / 兴奋剂 / 违法违纪', example: null },
];

export const headerOf = (c: SheetColumn) => `${c.label}（${c.key}）`;

/** Which column a header cell is: by the key in brackets, by the key alone, or by the Chinese label. */
export function columnKeyOf(header: string): string | null {
  const text = header.trim();
  const bracketed = /[（(]\s*([A-Za-z]+)\s*[)）]\s*$/.exec(text)?.[1];
  const found = SHEET_COLUMNS.find((c) => c.key === bracketed || c.key === text || c.label === text);
  return found?.key ?? null;
}

const selectionGames: Record<SelectionGames, string[]> = {
  olympics: ['奥运会', '残奥会', '冬奥会', '冬残奥会'],
  world: ['世界锦标赛', '世界杯赛', '世界单项锦标赛', '青奥会'],
  asian: ['亚运会', '亚冬会', '亚洲锦标赛'],
  'other-listed': ['其他所列运动会', '本办法所列其他运动会'],
};

const WORDS: Record<string, Record<string, string>> = {
  kind: { 成绩: 'result', 成绩奖: 'result', 入选: 'selection', 入选奖: 'selection', 输送: 'transfer', 输送奖: 'transfer', 转正: 'transfer', 体育道德风尚奖: 'sportsmanship' },
  games: {
    ...Object.fromEntries(Object.entries(RULEBOOK_2023.games).map(([code, rule]) => [rule.label, code])),
    区全运会: 'region-games',
    自治区运动会: 'region-games',
    ...Object.fromEntries(Object.entries(selectionGames).flatMap(([code, words]) => words.map((w) => [w, code]))),
  },
  event: { 个人: 'individual', 团体: 'team', 集体: 'team' },
  disqualified: { 弄虚作假: 'fraud', 冒名顶替: 'fraud', 兴奋剂: 'doping', 违法违纪: 'violation', 违纪: 'violation', 无: '', 否: '' },
};

const ROLE_WORDS: Record<string, string> = {
  现任主管教练员: 'head',
  主管教练员: 'head',
  主教练: 'head',
  '原培养、输送教练员': 'original',
  原培养输送教练员: 'original',
  原输送教练员: 'original',
  输送教练员: 'original',
  助理教练员: 'assistant',
  助理教练: 'assistant',
};

export type CellValue = string | number | null;

const LIST_SEPARATOR = /[；;\n]+/;

function splitList(text: string): string[] {
  return text
    .split(LIST_SEPARATOR)
    .map((s) => s.trim())
    .filter(Boolean);
}

/** `阿力木（伊宁县）` → { name, county }; `张伟（现任主管教练员）` → { name, role }. */
function nameAndNote(text: string): { name: string; note: string | null } {
  const m = /^(.*?)\s*[（(]\s*(.*?)\s*[)）]\s*$/.exec(text);
  return m ? { name: m[1].trim(), note: m[2] || null } : { name: text.trim(), note: null };
}

const NUMBER_KEYS = new Set(['teamSize', 'place', 'regionAward']);

/** One sheet row (by column key) → one result in the batch shape. Empty cells are left out. */
export function rowToEntry(cells: Readonly<Record<string, CellValue>>, rowNumber: number): Record<string, unknown> {
  const out: Record<string, unknown> = { id: `第${rowNumber}行` };
  for (const [key, value] of Object.entries(cells)) {
    if (value === null || value === '') continue;
    const text = typeof value === 'string' ? value.trim() : value;
    if (key === 'athletes') out.athletes = splitList(String(text)).map((s) => ({ name: nameAndNote(s).name, county: nameAndNote(s).note }));
    else if (key === 'coaches') {
      out.coaches = splitList(String(text)).map((s) => {
        const { name, note } = nameAndNote(s);
        return { name, role: note === null ? null : (ROLE_WORDS[note] ?? note) };
      });
    } else if (key === 'extraAwards') out.extraAwards = splitList(String(text)).map((s) => (Number.isFinite(Number(s)) ? Number(s) : s));
    else if (NUMBER_KEYS.has(key)) out[key] = typeof text === 'string' && text !== '' && Number.isFinite(Number(text)) ? Number(text) : text;
    else if (key in WORDS && typeof text === 'string') {
      const mapped = WORDS[key][text] ?? text;
      if (mapped !== '') out[key] = mapped;
    } else out[key] = typeof text === 'number' && key !== 'id' ? text : String(text);
  }
  return out;
}
