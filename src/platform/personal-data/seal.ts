import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { AppError } from '../errors';

/**
 * Personal data at rest (ID numbers, phones, bank accounts): encrypted with AES-256-GCM under a key kept outside the
 * database, so a copied database or backup does not expose them. A keyed hash (HMAC-SHA-256) finds a person by ID
 * number without decrypting, and a masked copy is stored for lists.
 */
export interface SealedValue {
  /** HMAC of the normalised value: equality lookups and uniqueness. */
  hash: string;
  /** 'v1:' + base64(iv ‖ tag ‖ ciphertext). */
  sealed: string;
}

interface Keys {
  encryption: Buffer;
  lookup: Buffer;
  fingerprint: string;
}

let cached: { source: string; keys: Keys } | undefined;

/** Where the key comes from: JIAOGUAN_DATA_KEY (64 hex characters), else a key file created on first use. */
export function keyFilePath(): string {
  return resolve(process.env.JIAOGUAN_DATA_KEY_FILE ?? `${process.env.DATA_DIR ?? './data'}/keys/personal-data.key`);
}

function loadMasterKey(): { source: string; master: Buffer } {
  const fromEnv = process.env.JIAOGUAN_DATA_KEY;
  if (fromEnv) {
    if (!/^[0-9a-fA-F]{64}$/.test(fromEnv))
      throw new AppError('INTERNAL', {
        message: 'JIAOGUAN_DATA_KEY must be 64 hex characters',
        userMessage: '个人信息加密密钥配置有误（JIAOGUAN_DATA_KEY 应为64位十六进制）',
      });
    return { source: `env:${fromEnv}`, master: Buffer.from(fromEnv, 'hex') };
  }
  const path = keyFilePath();
  if (!existsSync(path)) {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, randomBytes(32).toString('hex'), { mode: 0o600, flag: 'wx' });
  }
  chmodSync(path, 0o600);
  return { source: `file:${path}`, master: Buffer.from(readFileSync(path, 'utf8').trim(), 'hex') };
}

function keys(): Keys {
  // Sealing runs per row of an import: resolve the key source cheaply and read the key file only when it changed.
  const envKey = process.env.JIAOGUAN_DATA_KEY;
  const expected = envKey ? `env:${envKey}` : `file:${keyFilePath()}`;
  if (cached?.source === expected) return cached.keys;
  const { source, master } = loadMasterKey();
  const derive = (info: string) => Buffer.from(hkdfSync('sha256', master, Buffer.alloc(0), info, 32));
  const lookup = derive('jiaoguan personal-data lookup v1');
  const next = {
    encryption: derive('jiaoguan personal-data encryption v1'),
    lookup,
    fingerprint: createHmac('sha256', lookup).update('fingerprint').digest('hex').slice(0, 16),
  };
  cached = { source, keys: next };
  return next;
}

/** The lookup hash of a value (normalise first: an ID number upper-cased, a phone without spaces). */
export function lookupHash(value: string): string {
  return createHmac('sha256', keys().lookup).update(value).digest('base64url');
}

export function seal(value: string): SealedValue {
  const k = keys();
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', k.encryption, iv);
  const body = Buffer.concat([cipher.update(value, 'utf8'), cipher.final()]);
  return {
    hash: createHmac('sha256', k.lookup).update(value).digest('base64url'),
    sealed: `v1:${Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64')}`,
  };
}

export function unseal(sealed: string): string {
  if (!sealed.startsWith('v1:')) throw new Error('Unknown sealed value format');
  const raw = Buffer.from(sealed.slice(3), 'base64');
  const decipher = createDecipheriv('aes-256-gcm', keys().encryption, raw.subarray(0, 12));
  decipher.setAuthTag(raw.subarray(12, 28));
  try {
    return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
  } catch {
    throw new AppError('INTERNAL', {
      message: 'personal data cannot be decrypted with the current key',
      userMessage: '个人信息无法解密：当前加密密钥与写入时不同，请检查密钥文件或 JIAOGUAN_DATA_KEY',
    });
  }
}

/** A short fingerprint of the current key, stored in the database to catch a wrong or lost key at start. */
export function keyFingerprint(): string {
  return keys().fingerprint;
}
