/**
 * src/services/crypto.ts: AES-256-GCM with the configured key, or with a key generated once into
 * <dataDir>/secret.key (mode 0600) and reused by every later process.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createSecretBox, KEY_FILE_NAME, loadSecretKey, secretBoxFor } from '../../src/services/crypto.js';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'yz-crypto-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

describe('field encryption', () => {
  it('generates the key file once, mode 0600, and reads the same key afterwards', () => {
    const dataDir = path.join(tmp, 'data');
    const first = loadSecretKey({ dataDir, secretKey: undefined });
    const file = path.join(dataDir, KEY_FILE_NAME);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(fs.readFileSync(file, 'utf8').trim()).toMatch(/^[0-9a-f]{64}$/);
    expect(loadSecretKey({ dataDir, secretKey: undefined }).equals(first)).toBe(true);
  });

  it('tightens a key file others can read', () => {
    const dataDir = path.join(tmp, 'loose');
    loadSecretKey({ dataDir, secretKey: undefined });
    const file = path.join(dataDir, KEY_FILE_NAME);
    fs.chmodSync(file, 0o644);
    loadSecretKey({ dataDir, secretKey: undefined });
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
  });

  it('prefers the configured key and writes no file then', () => {
    const dataDir = path.join(tmp, 'configured');
    const secretKey = 'ab'.repeat(32);
    expect(loadSecretKey({ dataDir, secretKey }).toString('hex')).toBe(secretKey);
    expect(fs.existsSync(path.join(dataDir, KEY_FILE_NAME))).toBe(false);
  });

  it('seals text and bytes with a fresh IV, opens them only with the same key and context', () => {
    const box = createSecretBox(Buffer.alloc(32, 7));
    const sealed = box.sealText('654002200503071234', 'award-person:a');
    expect(sealed).toMatch(/^v1:/);
    expect(sealed).not.toContain('654002');
    expect(box.sealText('654002200503071234', 'award-person:a')).not.toBe(sealed);
    expect(box.openText(sealed, 'award-person:a')).toBe('654002200503071234');
    expect(() => box.openText(sealed, 'award-person:b')).toThrow(/无法解密/);
    expect(() => createSecretBox(Buffer.alloc(32, 8)).openText(sealed, 'award-person:a')).toThrow(/无法解密/);
    const tampered = `v1:${Buffer.from(Buffer.from(sealed.slice(3), 'base64').map((b, i) => (i === 30 ? b ^ 1 : b))).toString('base64')}`;
    expect(() => box.openText(tampered, 'award-person:a')).toThrow(/无法解密/);
    const bytes = Buffer.from('%PDF-1.4 content');
    expect(box.openBytes(box.sealBytes(bytes, 'm'), 'm').equals(bytes)).toBe(true);
  });

  it('loads the key lazily and once per configuration', () => {
    const dataDir = path.join(tmp, 'lazy');
    const a = secretBoxFor({ dataDir, secretKey: undefined });
    const b = secretBoxFor({ dataDir, secretKey: undefined });
    expect(a).toBe(b);
    expect(b.openText(a.sealText('x', 'c'), 'c')).toBe('x');
  });
});
