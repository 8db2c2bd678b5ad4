import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_PASSWORD, DATABASE_KINDS, openTestDatabase, type TestDatabaseKind } from '../helpers/database.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const REAL = path.join(ROOT, 'assets/documents/yili-2023-government-documents.txt');
const LEAD = '达列力别克·坎加汗';

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** The CLI as an operator runs it (`npm run -s cli -- …`), on the given database. */
function cli(env: Record<string, string>, ...args: string[]): Run {
  const result = spawnSync(process.execPath, [path.join(ROOT, 'node_modules/tsx/dist/cli.mjs'), 'src/cli/main.ts', ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, YIZHENG_ADMIN_PASSWORD: ADMIN_PASSWORD, YIZHENG_IMPORT_BUNDLED: 'false', LOG_LEVEL: 'silent', ...env },
    timeout: 300_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

// Each command is a fresh process that opens the database (an embedded one boots PGlite): slow on a busy machine.
describe.each(DATABASE_KINDS)('CLI on %s', { timeout: 600_000 }, (kind: TestDatabaseKind) => {
  let env: Record<string, string>;
  let cleanup: () => Promise<void>;
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'yz-cli-'));

  beforeAll(async () => {
    if (kind === 'pglite') {
      env = { YIZHENG_DATA_DIR: path.join(tmp, 'data') };
      cleanup = async () => undefined;
    } else {
      const { url, drop } = await openTestDatabase('postgres');
      env = { DATABASE_URL: url ?? '' };
      cleanup = drop;
    }
  });
  afterAll(async () => {
    await cleanup();
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  it('refuses a file it cannot parse: exit code 1, the line on stderr, nothing imported', () => {
    const bad = path.join(tmp, 'bad.txt');
    fs.writeFileSync(bad, fs.readFileSync(REAL, 'utf8').replace('伊州政办函〔2023〕22号', '伊州政办函〔23〕22号'));
    const run = cli(env, 'import', bad);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('第304行：发文字号格式不正确：伊州政办函〔23〕22号');
    expect(JSON.parse(cli(env, 'documents', 'list', '--json').stdout)).toEqual([]);
    const gbk = path.join(tmp, 'gbk.txt');
    fs.writeFileSync(gbk, Buffer.from([0xb9, 0xd8, 0xd3, 0xda]));
    const notUtf8 = cli(env, 'import', gbk);
    expect(notUtf8.code).toBe(1);
    expect(notUtf8.stderr).toContain('gbk.txt：不是 UTF-8 编码的文本');
  });

  it('imports the file, and again without change', () => {
    const first = cli(env, 'import', REAL, '--json');
    expect(first.code).toBe(0);
    expect(JSON.parse(first.stdout)).toMatchObject({ added: 5, unchanged: 0 });
    const again = cli(env, 'import', REAL);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('共 5 份公文：新增 0 份，未变 5 份');
  });

  it('prints the bodies in the issue’s shape', () => {
    const run = cli(env, 'bodies', '--json');
    expect(run.code).toBe(0);
    const bodies = JSON.parse(run.stdout) as {
      name: string; docNumber: string; office: { unit: string; director: string; deputyDirectors: string[] };
      members: { name: string; role: string; rank: string; position: string }[]; liaisons: { name: string; position: string; unit: string }[];
    }[];
    expect(bodies.map((b) => Object.keys(b))).toEqual(Array(5).fill(['name', 'docNumber', 'office', 'members', 'liaisons']));
    expect(bodies.map((b) => [b.members.length, b.liaisons.length])).toEqual([[37, 0], [16, 0], [34, 0], [23, 0], [28, 24]]);
    expect(bodies.filter((b) => b.members.some((m) => m.name === LEAD && m.rank === 'leader'))).toHaveLength(4);
    expect(bodies[0].office).toEqual({ unit: '自治州畜牧兽医局', director: '王沛昭', deputyDirectors: ['于东华', '杨魁'] });
    expect(bodies[4]).toMatchObject({ name: '自治州人民政府教育督导委员会', docNumber: '伊州政办函〔2023〕22号', office: { unit: '州教育局', director: '李静', deputyDirectors: [] } });
    expect(bodies[4].members[2]).toEqual({ name: '张蕾', role: '副主任', rank: 'deputy', position: '州党委教育工委副书记，州教育局党组书记、副局长' });
    expect(bodies[4].liaisons[0]).toEqual({ name: '李文鲁', position: '州党委组织部干部三处处长', unit: '州党委组织部' });
    expect(bodies.flatMap((b) => b.members).every((m) => !/\s/.test(m.name))).toBe(true);
  });

  it('lists duplicates, searches people by pinyin and documents by text', () => {
    const duplicates = JSON.parse(cli(env, 'people', 'duplicates', '--json').stdout) as { names: string[]; reason: string }[];
    expect(duplicates).toEqual(expect.arrayContaining([{ names: ['卡比努尔·吐尔干江', '卡比努尔·土尔干江'], reason: expect.stringContaining('同属州发展和改革委员会') }]));
    expect(duplicates.every((d) => Object.keys(d).join() === 'names,reason')).toBe(true);
    for (const q of ['dlbk', 'dalie']) {
      expect((JSON.parse(cli(env, 'people', 'search', q, '--json').stdout) as { name: string }[]).map((p) => p.name)).toContain(LEAD);
    }
    const found = JSON.parse(cli(env, 'documents', 'search', '联络员工作职责', '--json').stdout) as { docNumber: string }[];
    expect(found.map((d) => d.docNumber)).toEqual(['伊州政办函〔2023〕22号']);
    const show = cli(env, 'documents', 'show', '伊州政办函[2023]14号');
    expect(show.code).toBe(0);
    expect(show.stdout).toContain('附件4：自治州社会科学普及工作联席会议组成人员');
  });
});
