/**
 * Field encryption at rest (AES-256-GCM) for personal data such as 公民身份号码 and the ID-card copy.
 *
 * The key is `config.secretKey` (YIZHENG_SECRET_KEY, 64 hex digits) when set; otherwise a key generated
 * once into `<dataDir>/secret.key` (mode 0600) and read from there on every later start. With
 * PostgreSQL and more than one app server, set YIZHENG_SECRET_KEY: each machine would otherwise make
 * its own key file. Losing the key means losing the encrypted fields: back the key up with the data.
 *
 * Sealed text is `v1:` + base64(iv ‖ tag ‖ ciphertext); sealed bytes are 0x01 ‖ iv ‖ tag ‖ ciphertext.
 * The `context` (associated data) binds a value to where it belongs — a value copied into another
 * row or purpose does not decrypt.
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Config } from '../config.js';
import { DomainError } from '../domain/errors.js';

export const KEY_FILE_NAME = 'secret.key';
const HEX_KEY = /^[0-9a-f]{64}$/i;
const IV_BYTES = 12;
const TAG_BYTES = 16;
const TEXT_PREFIX = 'v1:';
const BYTES_VERSION = 1;

export interface SecretBox {
  sealText(plain: string, context: string): string;
  openText(sealed: string, context: string): string;
  sealBytes(plain: Buffer, context: string): Buffer;
  openBytes(sealed: Buffer, context: string): Buffer;
}

function readKeyFile(file: string): Buffer {
  const text = fs.readFileSync(file, 'utf8').trim();
  if (!HEX_KEY.test(text)) throw new Error(`密钥文件 ${file} 的内容不是 64 位十六进制密钥`);
  // A key file others can read is tightened rather than trusted as is.
  if ((fs.statSync(file).mode & 0o077) !== 0) fs.chmodSync(file, 0o600);
  return Buffer.from(text, 'hex');
}

/** The 32-byte key: from the configuration, else from (or newly into) `<dataDir>/secret.key`. */
export function loadSecretKey(config: Pick<Config, 'secretKey' | 'dataDir'>): Buffer {
  if (config.secretKey) return Buffer.from(config.secretKey, 'hex');
  const file = path.join(config.dataDir, KEY_FILE_NAME);
  if (fs.existsSync(file)) return readKeyFile(file);
  fs.mkdirSync(config.dataDir, { recursive: true });
  const key = randomBytes(32);
  try {
    // 'wx': create only; if another process made the file meanwhile, its key wins.
    fs.writeFileSync(file, `${key.toString('hex')}\n`, { mode: 0o600, flag: 'wx' });
  } catch (error) {
    if (error instanceof Error && 'code' in error && error.code === 'EEXIST') return readKeyFile(file);
    throw error;
  }
  return key;
}

const undecryptable = () =>
  new DomainError('DECRYPTION_FAILED', '加密数据无法解密：密钥与加密时不一致，或数据已损坏。请联系系统管理员', 500);

export function createSecretBox(key: Buffer): SecretBox {
  if (key.length !== 32) throw new RangeError('AES-256-GCM 需要 32 字节密钥');
  const seal = (plain: Buffer, context: string): Buffer => {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', key, iv);
    cipher.setAAD(Buffer.from(context, 'utf8'));
    const body = Buffer.concat([cipher.update(plain), cipher.final()]);
    return Buffer.concat([iv, cipher.getAuthTag(), body]);
  };
  const open = (sealed: Buffer, context: string): Buffer => {
    if (sealed.length < IV_BYTES + TAG_BYTES) throw undecryptable();
    try {
      const decipher = createDecipheriv('aes-256-gcm', key, sealed.subarray(0, IV_BYTES));
      decipher.setAAD(Buffer.from(context, 'utf8'));
      decipher.setAuthTag(sealed.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
      return Buffer.concat([decipher.update(sealed.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]);
    } catch {
      throw undecryptable();
    }
  };
  return {
    sealText: (plain, context) => `${TEXT_PREFIX}${seal(Buffer.from(plain, 'utf8'), context).toString('base64')}`,
    openText(sealed, context) {
      if (!sealed.startsWith(TEXT_PREFIX)) throw undecryptable();
      return open(Buffer.from(sealed.slice(TEXT_PREFIX.length), 'base64'), context).toString('utf8');
    },
    sealBytes: (plain, context) => Buffer.concat([Buffer.from([BYTES_VERSION]), seal(plain, context)]),
    openBytes(sealed, context) {
      if (sealed[0] !== BYTES_VERSION) throw undecryptable();
      return open(sealed.subarray(1), context);
    },
  };
}

const boxes = new Map<string, SecretBox>();

/** The box for this configuration, its key loaded (or generated) on first use only. */
export function secretBoxFor(config: Pick<Config, 'secretKey' | 'dataDir'>): SecretBox {
  const id = config.secretKey ? `env:${config.secretKey}` : `file:${path.join(config.dataDir, KEY_FILE_NAME)}`;
  let box = boxes.get(id);
  if (!box) {
    box = createSecretBox(loadSecretKey(config));
    boxes.set(id, box);
  }
  return box;
}
