import { randomBytes } from 'node:crypto';
import { link, open, readdir, readFile, stat, unlink, utimes, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';

/** The lock file in an experiment's folder. */
export const LOCK_FILE = '.lock';

export interface LockOptions {
  /** How long to wait for another writer before giving up (default 30 s). */
  waitMs?: number;
  /** A lock whose file has not been touched for this long is stale (default 2 minutes). */
  staleMs?: number;
  /** The holder touches its lock file this often (default 10 s), so that it never looks stale. */
  refreshMs?: number;
  /** Told when a stale lock is broken. */
  notice?: (message: string) => void;
  /** The lock file as shown in messages (default: its path). */
  display?: string;
}

/** Who holds a lock, as its file says. */
export interface LockHolder {
  pid: number;
  host: string;
  /** When the lock was taken, ISO 8601. */
  time: string;
  token: string;
}

/** Another writer held the lock for longer than `waitMs`. */
export class LockTimeoutError extends Error {
  constructor(
    readonly lockFile: string,
    readonly holder: LockHolder | undefined,
    waitedMs: number,
  ) {
    const who = holder
      ? `pid ${holder.pid} on host ${holder.host} since ${holder.time}`
      : 'a process that has not said who it is';
    super(
      `${lockFile} is held by ${who}; waited ${seconds(waitedMs)} s for it. If no ab-verdict is writing to this store, delete that file.`,
    );
    this.name = 'LockTimeoutError';
  }
}

function seconds(ms: number): string {
  return ms < 10_000 ? String(Math.round(ms / 100) / 10) : String(Math.round(ms / 1000));
}

/** The folder to lock does not exist (an experiment deleted meanwhile, for one). */
export class LockFolderMissing extends Error {
  constructor(readonly folder: string) {
    super(`${folder} does not exist`);
    this.name = 'LockFolderMissing';
  }
}

const WAIT_MS = 30_000;
const STALE_MS = 120_000;
const REFRESH_MS = 10_000;
const FIRST_PAUSE_MS = 5;
const LONGEST_PAUSE_MS = 250;
/** A lock-breaker's own lock is stale sooner: breaking takes milliseconds. */
const BREAKER_STALE_MS = 10_000;
const UNFILLED_STALE_MS = 5_000;
const NEW_SUFFIX = '.new';
const LEFTOVER_MS = 60_000;

/**
 * Runs `work` while holding `<folder>/.lock`: created exclusively, so one process at a time, and
 * with its content in one step (`createExclusive`): the pid, host and time of its holder. Others
 * wait, pausing longer each time (up to a quarter second, with jitter), for at most `waitMs`,
 * then fail naming the holder.
 *
 * A stale lock is broken, with a notice: its holder's pid is no longer alive on this host (a
 * writer killed mid-write), or its file has not been touched for `staleMs` (the holder touches it
 * every `refreshMs`, so only a holder on another host that died leaves that). Breakers take
 * `<folder>/.lock.break` first, and check again under it that the lock is still the stale one, so
 * two processes breaking one stale lock at once cannot remove the fresh lock of a third.
 *
 * The lock is released only if its file is still the one this process wrote.
 */
export async function withLock<T>(
  folder: string,
  work: () => Promise<T>,
  options: LockOptions = {},
): Promise<T> {
  const path = join(folder, LOCK_FILE);
  const own = await acquire(path, folder, options);
  await removeLeftovers(folder);
  const refresh = setInterval(() => {
    const now = new Date();
    utimes(path, now, now).catch(() => undefined);
  }, options.refreshMs ?? REFRESH_MS);
  refresh.unref();
  try {
    return await work();
  } finally {
    clearInterval(refresh);
    await releaseIfOwn(path, own);
  }
}

async function acquire(path: string, folder: string, options: LockOptions): Promise<string> {
  const display = options.display ?? path;
  const waitMs = options.waitMs ?? WAIT_MS;
  const start = Date.now();
  let pause = FIRST_PAUSE_MS;
  let lastHolder: LockHolder | undefined;
  for (;;) {
    const content = holderText();
    if (await createExclusive(path, content, folder)) return content;
    const seen = await readLock(path);
    if (seen !== undefined) {
      lastHolder = seen.holder;
      const stale = staleReason(seen, options.staleMs ?? STALE_MS);
      if (stale !== undefined) {
        if (await breakStale(path, seen, folder)) {
          const who = seen.holder
            ? `pid ${seen.holder.pid} on host ${seen.holder.host} since ${seen.holder.time}`
            : 'a process that did not say who it was';
          options.notice?.(`removed the stale lock ${display} (held by ${who}: ${stale})`);
        }
        continue;
      }
      if (Date.now() - start >= waitMs) throw new LockTimeoutError(display, lastHolder, waitMs);
      await sleep(pause * (0.5 + Math.random()));
      pause = Math.min(pause * 2, LONGEST_PAUSE_MS);
    }
    // Released between the attempt and the read: try again at once.
  }
}

function holderText(): string {
  const holder: LockHolder = {
    pid: process.pid,
    host: hostname(),
    time: new Date().toISOString(),
    token: randomBytes(8).toString('hex'),
  };
  return `${JSON.stringify(holder)}\n`;
}

/**
 * Creates the lock file with `content`, in one step: the content goes to a temporary file that is
 * then hard-linked as the lock (the link fails when the lock exists), so no one ever sees a lock
 * without its holder. Where hard links are not supported, `open(…, 'wx')` and a write. False
 * when the lock exists already.
 */
async function createExclusive(path: string, content: string, folder: string): Promise<boolean> {
  const temporary = `${path}.${randomBytes(6).toString('hex')}${NEW_SUFFIX}`;
  try {
    await writeFile(temporary, content, { flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new LockFolderMissing(folder);
    throw error;
  }
  try {
    await link(temporary, path);
    return true;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') return false;
    if (code === 'ENOENT') throw new LockFolderMissing(folder);
    if (code !== undefined && NO_LINKS.has(code)) return createOpenExclusive(path, content, folder);
    throw error;
  } finally {
    await unlink(temporary).catch(() => undefined);
  }
}

/** Errors of file systems without hard links. */
const NO_LINKS = new Set(['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS', 'EXDEV', 'EMLINK']);

async function createOpenExclusive(
  path: string,
  content: string,
  folder: string,
): Promise<boolean> {
  let file;
  try {
    file = await open(path, 'wx');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') return false;
    if (code === 'ENOENT') throw new LockFolderMissing(folder);
    throw error;
  }
  try {
    await file.writeFile(content);
  } finally {
    await file.close();
  }
  return true;
}

/**
 * Temporary lock files a process killed while taking a lock left: removed when their writer's pid
 * is no longer alive on this host, or when they are old (a live one lasts microseconds).
 */
async function removeLeftovers(folder: string): Promise<void> {
  const names = await readdir(folder).catch(() => [] as string[]);
  const now = Date.now();
  await Promise.all(
    names
      .filter((name) => name.startsWith(LOCK_FILE) && name.endsWith(NEW_SUFFIX))
      .map(async (name) => {
        const path = join(folder, name);
        const info = await stat(path).catch(() => undefined);
        if (!info) return;
        const writer = parseHolder(await readFile(path, 'utf8').catch(() => ''));
        const dead =
          writer !== undefined &&
          writer.host === hostname() &&
          writer.pid !== process.pid &&
          !alive(writer.pid);
        if (dead || now - info.mtimeMs > LEFTOVER_MS) await unlink(path).catch(() => undefined);
      }),
  );
}

interface SeenLock {
  text: string;
  holder: LockHolder | undefined;
  modifiedMs: number;
}

/** The lock file as it is now; undefined when there is none. */
async function readLock(path: string): Promise<SeenLock | undefined> {
  try {
    const [text, info] = await Promise.all([readFile(path, 'utf8'), stat(path)]);
    return { text, holder: parseHolder(text), modifiedMs: info.mtimeMs };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

function parseHolder(text: string): LockHolder | undefined {
  try {
    const value = JSON.parse(text) as Partial<LockHolder>;
    if (typeof value.pid === 'number' && typeof value.host === 'string') {
      return {
        pid: value.pid,
        host: value.host,
        time: String(value.time ?? ''),
        token: String(value.token ?? ''),
      };
    }
  } catch {
    // Being written (created but not yet filled), or not ours: judged by its age alone.
  }
  return undefined;
}

/** Why a lock is stale, or undefined when its holder may still be at work. */
function staleReason(seen: SeenLock, staleMs: number): string | undefined {
  const { holder } = seen;
  if (holder && holder.host === hostname() && holder.pid !== process.pid && !alive(holder.pid)) {
    return 'that process is gone';
  }
  const idle = Date.now() - seen.modifiedMs;
  // Only where locks are made by `open` and a write: one never filled in was left by a crash.
  if (!holder && idle > UNFILLED_STALE_MS) return 'its file was never filled in';
  if (idle > staleMs) return `untouched for ${Math.round(idle / 1000)} s`;
  return undefined;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Removes the stale lock `seen`, under the breaker's lock, if it is still that lock. True when
 * this process removed it.
 */
async function breakStale(path: string, seen: SeenLock, folder: string): Promise<boolean> {
  const breaker = `${path}.break`;
  const own = holderText();
  if (!(await createExclusive(breaker, own, folder))) {
    const other = await readLock(breaker);
    if (other !== undefined && staleReason(other, BREAKER_STALE_MS) !== undefined) {
      await unlinkIfSame(breaker, other.text);
    } else {
      await sleep(FIRST_PAUSE_MS);
    }
    return false;
  }
  try {
    const now = await readLock(path);
    if (now === undefined || now.text !== seen.text || now.modifiedMs !== seen.modifiedMs) {
      return false;
    }
    await unlink(path).catch(ignoreMissing);
    return true;
  } finally {
    await releaseIfOwn(breaker, own);
  }
}

async function releaseIfOwn(path: string, own: string): Promise<void> {
  await unlinkIfSame(path, own);
}

/** Deletes `path` if it still holds `text`: never another process's lock. */
async function unlinkIfSame(path: string, text: string): Promise<void> {
  let current: string;
  try {
    current = await readFile(path, 'utf8');
  } catch (error) {
    ignoreMissing(error);
    return;
  }
  if (current === text) await unlink(path).catch(ignoreMissing);
}

function ignoreMissing(error: unknown): void {
  if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
