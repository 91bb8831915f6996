import { spawn } from 'node:child_process';
import { existsSync, readdirSync, statSync, watch, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLI, jsonl } from '../support/run-cli.js';
import { cliEnv, exported, noStackTrace, session, store, tempDir } from './store-cli.js';

const SESSIONS = 20_000;

/**
 * When to kill the writer: a time after its start, once a file shows in the folder, or once
 * sessions.jsonl has grown (the append under way).
 */
type Trigger =
  | { after: number }
  | { file: RegExp; name: string; then?: number }
  | { grows: true; name: string; then?: number };

const LOCK = /^\.lock$/;
const MANIFEST_TEMP = /^manifest\.json\.[0-9a-f]{12}\.tmp$/;

const TRIGGERS: Trigger[] = [
  { after: 5 },
  { after: 20 },
  { after: 50 },
  { after: 100 },
  { file: LOCK, name: 'the lock taken' },
  { file: LOCK, name: 'the lock taken, then 20 ms', then: 20 },
  { grows: true, name: 'sessions being appended' },
  { grows: true, name: 'sessions being appended, then 2 ms', then: 2 },
  { file: MANIFEST_TEMP, name: 'sessions appended, manifest being written' },
];

/**
 * Resolves once `seen` holds for `folder`, or false once the child has exited. It looks whenever
 * the folder changes (a file created, written or renamed), and takes the name a change reports as
 * shown even if the file is gone by then: a temporary file lives for a moment only.
 */
function shows(folder: string, seen: (names: string[]) => boolean, closed: Promise<void>) {
  return new Promise<boolean>((resolve) => {
    const watcher = watch(folder);
    const done = (hit: boolean) => {
      watcher.close();
      resolve(hit);
    };
    const look = (changed?: string | Buffer | null) => {
      const names = readdirSync(folder);
      if (typeof changed === 'string') names.push(changed);
      if (seen(names)) done(true);
    };
    watcher.on('change', (_, changed) => look(changed));
    void closed.then(() => done(false));
    look();
  });
}

function sizeOf(path: string): number {
  try {
    return statSync(path).size;
  } catch {
    return 0;
  }
}

const UNFINISHED =
  /^warning: experiment "crash": lines of the store left out:\n {2}sessions\.jsonl: \d+ bytes after the lines its manifest counts were not read \(a write that did not finish; the next write removes them\)\n$/;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The writer is a process, killed; the readers and the next writer run in-process. */
describe('kill -9 during a write', () => {
  it('leaves a store that reads, with the old sessions or the new, and never blocks the next writer', async () => {
    const cwd = tempDir();
    const folder = join(cwd, '.ab-verdict', 'crash');
    expect(
      (await store(['create', 'crash', '--description', 'killed writers'], { cwd })).status,
    ).toBe(0);
    writeFileSync(
      join(cwd, 'base.jsonl'),
      jsonl(Array.from({ length: 100 }, (_, i) => session(`base-${i}`, i % 2 ? 'warm' : 'cold'))),
    );
    expect((await store(['add', 'crash', 'base.jsonl'], { cwd })).status).toBe(0);
    let count = 100;
    const outcomes: string[] = [];

    for (const [attempt, trigger] of TRIGGERS.entries()) {
      const file = `big-${attempt}.jsonl`;
      writeFileSync(
        join(cwd, file),
        jsonl(
          Array.from({ length: SESSIONS }, (_, i) =>
            session(`k${attempt}-${i}`, i % 2 ? 'warm' : 'cold'),
          ),
        ),
      );
      const child = spawn(process.execPath, [CLI, 'add', 'crash', file], {
        cwd,
        env: cliEnv(),
        stdio: 'ignore',
      });
      const closed = new Promise<void>((resolve) => child.on('close', () => resolve()));
      let hit = true;
      const sessionsFile = join(folder, 'sessions.jsonl');
      const before = sizeOf(sessionsFile);
      if ('after' in trigger) await sleep(trigger.after);
      else {
        const seen =
          'file' in trigger
            ? (names: string[]) => names.some((name) => trigger.file.test(name))
            : () => sizeOf(sessionsFile) > before;
        hit = await shows(folder, seen, closed);
        if (trigger.then) await sleep(trigger.then);
      }
      child.kill('SIGKILL');
      await closed;
      const lockLeft = existsSync(join(folder, '.lock'));

      // A reader sees the old store or the new one, never an error: at most a warning that the
      // bytes of an append the manifest does not vouch for were not read.
      const exportRun = await store(['export', 'crash'], { cwd });
      expect(exportRun.status, exportRun.stderr).toBe(0);
      const unfinished = exportRun.stderr !== '';
      if (unfinished) expect(exportRun.stderr).toMatch(UNFINISHED);
      const stored = exported(exportRun.stdout).length;
      expect([count, count + SESSIONS]).toContain(stored);
      const show = await store(['show', 'crash', '--sessions', '0'], { cwd });
      expect(show.status, show.stderr).toBe(0);
      expect(show.stdout).toContain(`${stored.toLocaleString('en-US')} sessions in all.`);

      // The next writer is not blocked: a stale lock is broken, with a notice.
      const next = await store(
        ['add-result', 'crash', '--variant', 'cold', '--session-id', `after-${attempt}`],
        { cwd, env: { AB_VERDICT_LOCK_WAIT: '10' } },
      );
      expect(next.status, next.stderr).toBe(0);
      expect(noStackTrace(next.stderr)).toBe(true);
      if (lockLeft)
        expect(next.stderr).toMatch(/removed the stale lock .*\.lock \(held by pid \d+/);
      else expect(next.stderr).toBe('');
      // Nothing a killed writer left stays behind.
      expect(readdirSync(folder).sort()).toEqual(['manifest.json', 'sessions.jsonl']);
      const isNew = stored === count + SESSIONS;
      count = stored + 1;
      const name = 'after' in trigger ? `${trigger.after} ms` : trigger.name;
      outcomes.push(
        `${name}: ${hit ? '' : '(finished first) '}${isNew ? 'new' : 'old'}${lockLeft ? ', lock left' : ''}${unfinished ? ', append cut' : ''}`,
      );
    }
    const final = exported((await store(['export', 'crash'], { cwd })).stdout);
    expect(final).toHaveLength(count);
    expect(new Set(final.map((record) => record.session_id)).size).toBe(count);
    // The kills caught writers at work: some before they wrote, some mid-write.
    const seen = outcomes.join('\n');
    expect(outcomes.filter((line) => line.includes('lock left')).length, seen).toBeGreaterThan(2);
    expect(outcomes.filter((line) => line.includes('finished first')).length, seen).toBeLessThan(3);
    // Killed mid-append: the appended lines the old manifest does not vouch for are not read.
    expect(outcomes.filter((line) => /old.*append cut/.test(line)).length, seen).toBeGreaterThan(0);
  }, 180_000);
});
