/**
 * `award compute FILE.json --json`: the CLI prints exactly the evaluator's batch output, opens no
 * database, and fails (non-zero, Chinese on stderr) only when the file is missing or not a batch.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'yz-award-cli-'));
const dataDir = path.join(tmp, 'never-created');

function cli(...args: string[]) {
  const result = spawnSync(process.execPath, [path.join(root, 'node_modules/tsx/dist/cli.mjs'), 'src/cli/main.ts', ...args], {
    cwd: root,
    encoding: 'utf8',
    env: { PATH: process.env.PATH ?? '', YIZHENG_DATA_DIR: dataDir },
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

interface Golden {
  input: unknown[];
  expected: unknown;
}

const goldenDir = path.join(root, 'src/domain/awards/golden');
const goldens = fs.readdirSync(goldenDir).filter((f) => f.endsWith('.json')).sort();

afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

describe('npm run cli -- award compute', () => {
  it.each(goldens)('prints the golden output of %s exactly, without opening a database', (name) => {
    const golden = JSON.parse(fs.readFileSync(path.join(goldenDir, name), 'utf8')) as Golden;
    const file = path.join(tmp, name);
    fs.writeFileSync(file, JSON.stringify(golden.input));
    const { code, stdout, stderr } = cli('award', 'compute', file, '--json');
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toStrictEqual(golden.expected);
    expect(fs.existsSync(dataDir)).toBe(false);
  });

  it('keeps computing the rest of a batch when one result is bad (exit 0)', () => {
    const file = path.join(tmp, 'mixed.json');
    fs.writeFileSync(file, JSON.stringify([{ id: 'bad', kind: 'result', games: 'moon-games' }]));
    const { code, stdout } = cli('award', 'compute', file, '--json');
    expect(code).toBe(0);
    const out = JSON.parse(stdout) as { results: { eligible: boolean; reasons: string[] }[] };
    expect(out.results[0].eligible).toBe(false);
    expect(out.results[0].reasons.some((r) => r.startsWith('games：'))).toBe(true);
  });

  it.each([
    ['a missing file', null, '文件不存在'],
    ['text that is not JSON', '[{"id": "r1",', '不是有效的 JSON'],
    ['JSON that is not an array', '{"id": "r1"}', '应为JSON数组'],
    ['an array holding a non-object', '[1]', '第1项不是对象'],
  ])('fails on %s with a Chinese message on stderr only', (_what, content, message) => {
    const file = path.join(tmp, `bad-${Math.random().toString(36).slice(2)}.json`);
    if (content !== null) fs.writeFileSync(file, content);
    const { code, stdout, stderr } = cli('award', 'compute', file, '--json');
    expect(code).not.toBe(0);
    expect(stdout).toBe('');
    expect(stderr).toContain(message);
  });
});
