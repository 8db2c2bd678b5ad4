import { describe, expect, it } from 'vitest';
import { chainEntry, findChainBreak, GENESIS_HASH, type AuditEntry, type ChainedAuditEntry } from './chain.js';

function buildChain(n: number): ChainedAuditEntry[] {
  const chain: ChainedAuditEntry[] = [];
  let prev = GENESIS_HASH;
  for (let seq = 1; seq <= n; seq += 1) {
    const entry: AuditEntry = {
      seq,
      at: `2023-03-0${1 + (seq % 9)}T08:00:00.000Z`,
      userId: null,
      username: `user${seq}`,
      role: 'office-staff',
      action: 'document.import',
      object: `doc:${seq}`,
      result: 'success',
      ip: '127.0.0.1',
      requestId: `req-${seq}`,
      details: { n: seq },
    };
    const chained = chainEntry(entry, prev);
    chain.push(chained);
    prev = chained.hash;
  }
  return chain;
}

describe('audit hash chain', () => {
  it('verifies an untouched chain', () => {
    expect(findChainBreak(buildChain(10), null)).toBeNull();
  });

  it('reports a tampered record at its own row', () => {
    const chain = buildChain(10);
    chain[6] = { ...chain[6], username: 'someone-else' };
    expect(findChainBreak(chain, null)).toEqual({ seq: 7, reason: '记录内容与哈希不符（已被篡改）' });
  });

  it('reports a deleted record as a gap', () => {
    const chain = buildChain(10);
    chain.splice(3, 1);
    expect(findChainBreak(chain, null)).toEqual({ seq: 5, reason: '序号不连续：缺少第 4 条记录' });
  });

  it('reports a re-hashed record by the next link', () => {
    const chain = buildChain(5);
    const { prevHash, hash: _old, ...entry } = chain[1];
    chain[1] = chainEntry({ ...entry, result: 'failure' }, prevHash);
    expect(findChainBreak(chain, null)).toEqual({ seq: 3, reason: '前序哈希与上一条记录不一致' });
  });

  it('continues from a previous batch', () => {
    const chain = buildChain(6);
    expect(findChainBreak(chain.slice(3), { seq: 3, hash: chain[2].hash })).toBeNull();
  });
});
