import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AppError } from '../platform/errors';
import { lockDataDir } from './data-dir-lock';

describe(lockDataDir.name, () => {
  it('refuses a second holder with a clear message and frees on release', () => {
    const dir = mkdtempSync(join(tmpdir(), 'jg-lock-'));
    const lock = lockDataDir(dir);
    // Another process trying the same directory: simulate with a lock file owned by a live pid (our parent).
    lock.release();
    writeFileSync(join(dir, 'jiaoguan.lock'), JSON.stringify({ pid: process.ppid, since: '2026-01-01T00:00:00Z' }));
    let error: unknown;
    try {
      lockDataDir(dir);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).userMessage).toContain(`正被另一个进程（PID ${process.ppid}`);
  });

  it('takes over a lock left by a dead process', () => {
    const dir = mkdtempSync(join(tmpdir(), 'jg-lock-'));
    const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']).stdout.toString();
    writeFileSync(join(dir, 'jiaoguan.lock'), JSON.stringify({ pid: Number(dead) }));
    const lock = lockDataDir(dir);
    expect(existsSync(join(dir, 'jiaoguan.lock'))).toBe(true);
    lock.release();
    expect(existsSync(join(dir, 'jiaoguan.lock'))).toBe(false);
  });
});
