import { closeSync, existsSync, mkdirSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { AppError } from '../platform/errors';

const LOCK_FILE = 'jiaoguan.lock';

export interface DataDirLock {
  release(): void;
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Takes an exclusive lock on an embedded data directory. PGlite has no lock of its own and two processes on one
 * directory corrupt it silently, so a second process gets a clear error instead. A lock left by a dead process on this
 * host is taken over.
 */
export function lockDataDir(dataDir: string): DataDirLock {
  mkdirSync(dataDir, { recursive: true });
  const path = join(dataDir, LOCK_FILE);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(path, 'wx');
      writeSync(fd, JSON.stringify({ pid: process.pid, host: hostname(), since: new Date().toISOString() }));
      closeSync(fd);
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        try {
          const owner = JSON.parse(readFileSync(path, 'utf8'));
          if (owner.pid === process.pid) unlinkSync(path);
        } catch {
          // Already gone: nothing to release.
        }
      };
      process.once('exit', release);
      return { release };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      let owner: { pid?: number; host?: string; since?: string } = {};
      try {
        owner = JSON.parse(readFileSync(path, 'utf8'));
      } catch {
        // A half-written lock file from a crash during creation is stale.
      }
      const sameHost = !owner.host || owner.host === hostname();
      if (owner.pid && sameHost && processAlive(owner.pid) && owner.pid !== process.pid) {
        throw new AppError('DATA_DIR_LOCKED', {
          message: `Data directory ${dataDir} is in use by process ${owner.pid}`,
          userMessage: `数据目录 ${dataDir} 正被另一个进程（PID ${owner.pid}，自 ${owner.since ?? '未知时间'} 起）使用。请先停止该进程，或使用 --data-dir 指定其他目录。`,
        });
      }
      if (owner.pid && !sameHost) {
        throw new AppError('DATA_DIR_LOCKED', {
          message: `Data directory ${dataDir} is locked by host ${owner.host}`,
          userMessage: `数据目录 ${dataDir} 被另一台主机（${owner.host}）锁定。若确认该主机已停止使用，请删除 ${path}。`,
        });
      }
      if (existsSync(path)) unlinkSync(path);
    }
  }
  throw new AppError('DATA_DIR_LOCKED', {
    message: `Could not lock ${dataDir}`,
    userMessage: `无法锁定数据目录 ${dataDir}`,
  });
}
