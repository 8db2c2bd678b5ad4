/**
 * Golden cases: each golden/*.json holds a batch and its expected output, worked out by hand from
 * the article text. Compared exactly: amounts, payees, bases, reasons and order.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { evaluateBatch } from './evaluate.js';
import type { AwardBatchJson } from './types.js';

interface GoldenFile {
  description: string;
  input: unknown[];
  expected: AwardBatchJson;
}

const dir = join(import.meta.dirname, 'golden');
const files = readdirSync(dir).filter((f) => f.endsWith('.json')).sort();

describe.each(files)('golden %s', (file) => {
  const golden = JSON.parse(readFileSync(join(dir, file), 'utf8')) as GoldenFile;
  const actual = evaluateBatch(golden.input);

  it('has one expected result per input, in order', () => {
    expect(actual.results.map((r) => r.id)).toEqual(golden.expected.results.map((r) => r.id));
  });

  it.each(golden.expected.results.map((r, i) => [r.id, i] as const))('%s matches exactly', (_id, i) => {
    expect(actual.results[i]).toStrictEqual(golden.expected.results[i]);
  });

  it('totals are the sum of the lines', () => {
    for (const r of golden.expected.results) {
      const sumFen = r.lines.reduce((s, l) => s + Math.round(l.amount * 100), 0);
      expect(Math.round(r.total * 100)).toBe(sumFen);
    }
  });
});
