import { type Kysely, sql } from 'kysely';
import type { DB } from '../../db/schema';
import { AppError } from '../errors';
import { keyFilePath, keyFingerprint } from './seal';

/**
 * Records the personal-data key's fingerprint on first use and refuses to start with a different key afterwards:
 * writing with a new key would leave two kinds of ciphertext, and the old ones unreadable.
 */
export async function checkPersonalDataKey(db: Kysely<DB>): Promise<void> {
  const fingerprint = keyFingerprint();
  await sql`insert into personal_data_key (id, fingerprint) values (1, ${fingerprint}) on conflict (id) do nothing`.execute(
    db,
  );
  const stored = await db.selectFrom('personal_data_key').select('fingerprint').executeTakeFirstOrThrow();
  if (stored.fingerprint !== fingerprint) {
    throw new AppError('INTERNAL', {
      message: `personal-data key fingerprint ${fingerprint} does not match the database's ${stored.fingerprint}`,
      userMessage: `个人信息加密密钥与数据库不匹配：请恢复原密钥文件（${keyFilePath()}）或设置原来的 JIAOGUAN_DATA_KEY`,
    });
  }
}
