import { spawnSync } from 'node:child_process';
import {
  existsSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  statSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LockFolderMissing, LockTimeoutError, withLock } from '../../src/store/lock.js';

const folder = () => mkdtempSync(join(tmpdir(), 'ab-lock-'));
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The pid of a process that has exited. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', '0']);
  return child.pid ?? 999_999;
}

function plantLock(dir: string, holder: object, ageSeconds = 0): string {
  const path = join(dir, '.lock');
  writeFileSync(path, JSON.stringify({ time: '2026-01-01T00:00:00.000Z', token: 't', ...holder }));
  if (ageSeconds > 0) {
    const then = new Date(Date.now() - ageSeconds * 1000);
    utimesSync(path, then, then);
  }
  return path;
}

describe('withLock', () => {
  it('lets one holder in at a time: 20 read-modify-writes at once lose no update', async () => {
    const dir = folder();
    const counter = join(dir, 'counter');
    writeFileSync(counter, '0');
    let inside = 0;
    let most = 0;
    await Promise.all(
      Array.from({ length: 20 }, () =>
        withLock(dir, async () => {
          most = Math.max(most, ++inside);
          const value = Number(await readFile(counter, 'utf8'));
          await sleep(2);
          await writeFile(counter, String(value + 1));
          inside--;
        }),
      ),
    );
    expect(readFileSync(counter, 'utf8')).toBe('20');
    expect(most).toBe(1);
    expect(readdirSync(dir)).toEqual(['counter']);
  });

  it('writes who holds it into the lock file, and removes it after, also when the work throws', async () => {
    const dir = folder();
    const seen = await withLock(dir, async () =>
      JSON.parse(readFileSync(join(dir, '.lock'), 'utf8')),
    );
    expect(seen).toMatchObject({ pid: process.pid, host: hostname() });
    expect(Date.parse(seen.time)).not.toBeNaN();
    await expect(
      withLock(dir, async () => {
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(existsSync(join(dir, '.lock'))).toBe(false);
  });

  it('breaks the lock of a process that is gone, with a notice', async () => {
    const dir = folder();
    const pid = deadPid();
    plantLock(dir, { pid, host: hostname() });
    const notices: string[] = [];
    const ran = await withLock(dir, async () => 'ran', {
      notice: (message) => notices.push(message),
      display: 'store/x/.lock',
      waitMs: 2000,
    });
    expect(ran).toBe('ran');
    expect(notices).toEqual([
      `removed the stale lock store/x/.lock (held by pid ${pid} on host ${hostname()} since 2026-01-01T00:00:00.000Z: that process is gone)`,
    ]);
  });

  it('breaks a lock not refreshed for longer than staleMs, whoever holds it', async () => {
    const dir = folder();
    plantLock(dir, { pid: process.pid, host: 'another-host' }, 600);
    const notices: string[] = [];
    await withLock(dir, async () => undefined, {
      notice: (message) => notices.push(message),
      waitMs: 2000,
    });
    expect(notices[0]).toMatch(/held by pid \d+ on host another-host .*: untouched for 600 s\)$/);
  });

  it('waits for a live holder, then fails naming the lock file and its holder', async () => {
    const dir = folder();
    plantLock(dir, { pid: process.pid, host: 'another-host' });
    const start = Date.now();
    const error = await withLock(dir, async () => undefined, {
      waitMs: 300,
      display: 'store/x/.lock',
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LockTimeoutError);
    expect((error as Error).message).toBe(
      `store/x/.lock is held by pid ${process.pid} on host another-host since 2026-01-01T00:00:00.000Z; waited 0.3 s for it. If no ab-verdict is writing to this store, delete that file.`,
    );
    expect(Date.now() - start).toBeGreaterThanOrEqual(300);
    // Still there: a live lock is never broken.
    expect(existsSync(join(dir, '.lock'))).toBe(true);
  });

  it('gets the lock as soon as its holder lets go', async () => {
    const dir = folder();
    const order: string[] = [];
    const first = withLock(dir, async () => {
      order.push('first in');
      await sleep(100);
      order.push('first out');
    });
    await sleep(10);
    await withLock(dir, async () => void order.push('second'), { waitMs: 5000 });
    await first;
    expect(order).toEqual(['first in', 'first out', 'second']);
  });

  it('touches its lock file while it works, so that a long write never looks stale', async () => {
    const dir = folder();
    const path = join(dir, '.lock');
    await withLock(
      dir,
      async () => {
        const then = new Date(Date.now() - 3600_000);
        utimesSync(path, then, then);
        await sleep(120);
        expect(Date.now() - statSync(path).mtimeMs).toBeLessThan(5000);
      },
      { refreshMs: 30 },
    );
  });

  it('never removes a lock that is not its own', async () => {
    const dir = folder();
    const path = join(dir, '.lock');
    await withLock(dir, async () => {
      // Another process broke this lock as stale and took it.
      writeFileSync(path, JSON.stringify({ pid: 1, host: 'other', time: 'now', token: 'x' }));
    });
    expect(JSON.parse(readFileSync(path, 'utf8'))).toMatchObject({ host: 'other' });
  });

  it('removes the temporary files of a process killed while taking the lock', async () => {
    const dir = folder();
    const leftover = join(dir, '.lock.0123456789ab.new');
    writeFileSync(leftover, '{}');
    const then = new Date(Date.now() - 3600_000);
    utimesSync(leftover, then, then);
    await withLock(dir, async () => undefined);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('says so when the folder is gone', async () => {
    await expect(withLock(join(folder(), 'missing'), async () => undefined)).rejects.toBeInstanceOf(
      LockFolderMissing,
    );
  });
});
