import { userInfo } from 'node:os';

/** Who did something, and from where. */
export interface Actor {
  id: number | null;
  name: string;
  role: string | null;
  ip: string | null;
}

/** The actor for command-line work on the server itself. */
export function cliActor(): Actor {
  let user = 'unknown';
  try {
    user = userInfo().username;
  } catch {
    // No passwd entry (some containers): keep 'unknown'.
  }
  return { id: null, name: `命令行（${user}）`, role: null, ip: null };
}

export const SYSTEM_ACTOR: Actor = { id: null, name: '系统', role: null, ip: null };
