import { describe, expect, it, vi } from 'vitest';
import { describeReadError } from '../../src/records/file-text.js';
import { formatProblem } from '../../src/records/problems.js';
import { readSessions } from '../../src/records/read.js';
import { useTempFiles } from './temp-files.js';

// Tests may run as root, where file modes do not stop reads: the refusal is simulated.
vi.mock('node:fs/promises', async (importOriginal) => {
  const fs = await importOriginal<typeof import('node:fs/promises')>();
  const denied = (path: unknown) =>
    Object.assign(new Error(`EACCES: permission denied, open '${String(path)}'`), {
      code: 'EACCES',
    });
  return {
    ...fs,
    open: (async (path: Parameters<typeof fs.open>[0], ...rest: unknown[]) => {
      if (String(path).endsWith('locked.json')) throw denied(path);
      return (fs.open as (...args: unknown[]) => unknown)(path, ...rest);
    }) as typeof fs.open,
  };
});

const tempFiles = useTempFiles();

describe('readSessions: unreadable files', () => {
  it('reports a file it may not read and reads the rest', async () => {
    const record = { session_id: 'a', variant: 'warm', task_id: 't' };
    const dir = tempFiles({
      'locked.json': JSON.stringify(record),
      'open.json': JSON.stringify(record),
    });
    const result = await readSessions(['locked.json', 'open.json'], {
      onInvalid: 'skip',
      cwd: dir,
    });
    expect(result.problems.map(formatProblem)).toEqual([
      'locked.json: cannot read: permission denied',
    ]);
    expect(result.table.size).toBe(1);
  });
});

describe('describeReadError', () => {
  it('puts file system errors in plain words', () => {
    const error = (code: string) => Object.assign(new Error(`${code}: boom`), { code });
    expect(describeReadError(error('ENOENT'))).toBe('no such file or directory');
    expect(describeReadError(error('EACCES'))).toBe('cannot read: permission denied');
    expect(describeReadError(error('EPERM'))).toBe('cannot read: permission denied');
    expect(describeReadError(error('EISDIR'))).toBe('cannot read: is a directory');
    expect(describeReadError(error('EIO'))).toBe('cannot read: EIO: boom');
  });
});
