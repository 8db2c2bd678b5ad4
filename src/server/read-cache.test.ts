import { describe, expect, it } from 'vitest';
import { ReadCache } from './read-cache.js';

describe('ReadCache', () => {
  it('answers only for the version an entry was stored under, and a newer version empties it', () => {
    const cache = new ReadCache();
    cache.set('v1', 'a', 'A1');
    expect(cache.get('v1', 'a')).toBe('A1');
    expect(cache.get('v2', 'a')).toBeUndefined();
    cache.set('v2', 'b', 'B2');
    expect(cache.get('v1', 'a')).toBeUndefined();
    expect(cache.get('v2', 'a')).toBeUndefined();
    expect(cache.get('v2', 'b')).toBe('B2');
    expect(cache.size).toBe(1);
  });

  it('drops the least recently used entries beyond its limits', () => {
    const cache = new ReadCache({ entries: 2, bytes: 100 });
    cache.set('v', 'a', 1, 10);
    cache.set('v', 'b', 2, 10);
    expect(cache.get('v', 'a')).toBe(1);
    cache.set('v', 'c', 3, 10);
    expect([cache.get('v', 'a'), cache.get('v', 'b'), cache.get('v', 'c')]).toEqual([1, undefined, 3]);
    cache.set('v', 'd', 4, 95);
    expect([cache.get('v', 'a'), cache.get('v', 'c'), cache.get('v', 'd')]).toEqual([undefined, undefined, 4]);
    cache.set('v', 'huge', 5, 101);
    expect(cache.get('v', 'huge')).toBeUndefined();
    expect(cache.get('v', 'd')).toBe(4);
  });

  it('replaces an entry stored again under the same key', () => {
    const cache = new ReadCache({ entries: 10, bytes: 30 });
    cache.set('v', 'a', 1, 20);
    cache.set('v', 'a', 2, 20);
    expect(cache.get('v', 'a')).toBe(2);
    expect(cache.size).toBe(1);
  });
});
