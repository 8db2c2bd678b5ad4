import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ADMIN_PASSWORD } from '../helpers/database.js';

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'yz-cli-'));

/** `npm run -s cli -- …` on an embedded data dir (the first call creates it and imports the bundled documents). */
function cli(...args: string[]) {
  const env: Record<string, string | undefined> = { ...process.env, YIZHENG_DATA_DIR: dataDir, YIZHENG_ADMIN_PASSWORD: ADMIN_PASSWORD, LOG_LEVEL: 'silent' };
  delete env.DATABASE_URL;
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], { env, encoding: 'utf8', timeout: 300_000 });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

// Each call starts a process (the first also builds the data dir): minutes on a busy 2-core machine.
describe('CLI: calendar, press and livelihood on a fresh data dir', { timeout: 600_000 }, () => {
  afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  it('prints the filing deadline on the Xinjiang calendar', () => {
    const first = cli('press', 'deadline', '2023-05-04', '--json');
    expect(first.code).toBe(0);
    expect(JSON.parse(first.stdout)).toEqual({ date: '2023-05-04', deadline: '2023-04-20' });
    expect(JSON.parse(cli('press', 'deadline', '2023-07-05', '--json').stdout)).toEqual({ date: '2023-07-05', deadline: '2023-06-20' });
  });

  it('fails with a Chinese message and a non-zero exit for a year without data', () => {
    const missing = cli('press', 'deadline', '2031-05-06', '--json');
    expect(missing.code).not.toBe(0);
    expect(missing.stdout).toBe('');
    expect(missing.stderr).toContain('缺少2031年的工作日历');
    const partial = cli('press', 'deadline', '2025-05-06');
    expect(partial.code).not.toBe(0);
    expect(partial.stderr).toContain('2025年的工作日历不完整');
  });

  it('lists the 19 planned conferences in document order', () => {
    const res = cli('press', 'list', '--json');
    expect(res.code).toBe(0);
    const list = JSON.parse(res.stdout);
    expect(list).toHaveLength(19);
    expect(list[0]).toEqual({ month: '2023-03', topic: '伊犁州“3·15”消费者权益保护新闻发布会', unit: '州市场监督管理局' });
    expect(list.map((c: { month: string }) => c.month)).toEqual([...list.map((c: { month: string }) => c.month)].sort());
  });

  it('prints the 10 projects and 43 measures in the agreed shape', () => {
    const res = cli('projects', '--json');
    expect(res.code).toBe(0);
    const projects = JSON.parse(res.stdout);
    expect(projects).toHaveLength(10);
    expect(projects.flatMap((p: { measures: unknown[] }) => p.measures)).toHaveLength(43);
    for (const p of projects) {
      expect(Object.keys(p)).toEqual(['no', 'title', 'targets', 'measures']);
      for (const target of p.targets) expect(Object.keys(target)).toEqual(['text', 'value', 'unit']);
      for (const m of p.measures) {
        expect(Object.keys(m)).toEqual(['no', 'units', 'leadLeader', 'responsibleLeader', 'deadline', 'milestones']);
        expect(m.deadline === null || /^\d{4}-\d{2}-\d{2}$/.test(m.deadline)).toBe(true);
      }
    }
    expect(projects[3].measures[1]).toEqual({
      no: 2, units: ['州水利局'], leadLeader: '党组书记、副局长罗建江', responsibleLeader: '党组成员、副局长李新彬', deadline: '2023-12-31',
      milestones: [
        { text: '3月底前完成维修养护86处农村饮水工程招投标工作', date: '2023-03-31', kind: 'by' },
        { text: '4月项目顺利开工建设', date: '2023-04-30', kind: 'during' },
        { text: '9月30日全面完成建设任务和绩效目标', date: '2023-09-30', kind: 'on' },
      ],
    });
  });
});
