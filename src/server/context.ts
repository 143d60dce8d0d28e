import type { Kysely } from 'kysely';
import type { DB } from '../db/schema';

/** What routes need from the running server, passed explicitly instead of being reached for. */
export interface ServerContext {
  db: Kysely<DB>;
  uploadDir: string;
  secureCookies: boolean;
}
