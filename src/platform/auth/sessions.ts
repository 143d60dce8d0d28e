import { createHash, randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema';

export const SESSION_IDLE_MINUTES = 30;
/** A session ends after this long even when active, so a stolen cookie does not live for ever. */
export const SESSION_MAX_HOURS = 12;

export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

/** Sessions are stored by the sha256 of their token, so a database read does not yield usable cookies. */
export function sessionIdOf(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export async function createSession(
  db: Kysely<DB>,
  userId: number,
  meta: { ip: string | null; userAgent: string | null },
): Promise<{ token: string; csrfToken: string }> {
  const token = newToken();
  const csrfToken = newToken();
  await db
    .insertInto('user_session')
    .values({ id: sessionIdOf(token), user_id: userId, csrf_token: csrfToken, ip: meta.ip, user_agent: meta.userAgent })
    .execute();
  return { token, csrfToken };
}

export type SessionCheck =
  | { ok: true; userId: number; csrfToken: string; sessionId: string }
  | { ok: false; reason: 'missing' | 'idle' | 'expired' };

/** Finds a live session and marks it used; an idle or over-age session is deleted. */
export async function touchSession(db: Kysely<DB>, token: string, now = new Date()): Promise<SessionCheck> {
  const id = sessionIdOf(token);
  const session = await db.selectFrom('user_session').selectAll().where('id', '=', id).executeTakeFirst();
  if (!session) return { ok: false, reason: 'missing' };
  const idleMs = now.getTime() - session.last_seen_at.getTime();
  const ageMs = now.getTime() - session.created_at.getTime();
  if (idleMs > SESSION_IDLE_MINUTES * 60_000 || ageMs > SESSION_MAX_HOURS * 3600_000) {
    await db.deleteFrom('user_session').where('id', '=', id).execute();
    return { ok: false, reason: idleMs > SESSION_IDLE_MINUTES * 60_000 ? 'idle' : 'expired' };
  }
  // Writing on every request is wasteful; a minute of slack does not change the 30-minute rule in practice.
  if (idleMs > 60_000) await db.updateTable('user_session').set({ last_seen_at: now }).where('id', '=', id).execute();
  return { ok: true, userId: session.user_id, csrfToken: session.csrf_token, sessionId: id };
}

export async function endSession(db: Kysely<DB>, token: string): Promise<void> {
  await db.deleteFrom('user_session').where('id', '=', sessionIdOf(token)).execute();
}

export async function endSessionsOfUser(db: Kysely<DB>, userId: number): Promise<void> {
  await db.deleteFrom('user_session').where('user_id', '=', userId).execute();
}
