import { describe, expect, it } from 'vitest';
import { createProgress, progressLine, type ProgressOptions } from '../../src/cli/progress.js';

/** A terminal that keeps what is written to it, and a clock that moves when told. */
function fakeTerminal(options: Partial<ProgressOptions> = {}) {
  const writes: string[] = [];
  let time = 1000;
  const progress = createProgress({
    label: 'Reading state.db',
    stream: { write: (text: string) => writes.push(text), columns: 100 },
    isTTY: true,
    env: {},
    now: () => time,
    ...options,
  });
  return {
    progress,
    writes,
    tick(ms: number) {
      time += ms;
    },
  };
}

describe('createProgress', () => {
  it('draws a bar on a terminal once the work has taken a while, and clears it at the end', () => {
    const { progress, writes, tick } = fakeTerminal({ total: 1000 });
    progress.update({ sessions: 10, done: 100 });
    tick(1000);
    progress.update({ sessions: 20, done: 200 });
    expect(writes).toEqual([]);
    tick(1000);
    progress.update({ sessions: 250, done: 500 });
    expect(writes).toEqual([
      '\rReading state.db  [##########..........]  50%  250 sessions  125/s  2s left\x1b[K',
    ]);
    progress.finish();
    expect(writes.at(-1)).toBe('\r\x1b[K');
    progress.update({ sessions: 300, done: 600 });
    progress.finish();
    expect(writes).toHaveLength(2);
  });

  it('redraws at most ten times a second', () => {
    const { progress, writes, tick } = fakeTerminal();
    tick(2000);
    for (let i = 1; i <= 50; i++) {
      progress.update({ sessions: i });
      tick(10);
    }
    expect(writes).toHaveLength(5);
    expect(writes[0]).toBe('\rReading state.db  1 session  0.5/s\x1b[K');
  });

  it('prints nothing for quick work', () => {
    const { progress, writes, tick } = fakeTerminal({ total: 10 });
    progress.update({ sessions: 5, done: 5 });
    tick(300);
    progress.update({ sessions: 10, done: 10 });
    progress.finish();
    expect(writes).toEqual([]);
  });

  it.each<[string, Partial<ProgressOptions>]>([
    ['with --quiet', { quiet: true }],
    ['when the stream is not a terminal', { isTTY: false }],
    ['in CI', { env: { CI: 'true' } }],
    ['in CI that says only 1', { env: { CI: '1' } }],
    ['on a dumb terminal', { env: { TERM: 'dumb' } }],
  ])('stays quiet %s', (_case, options) => {
    const { progress, writes, tick } = fakeTerminal({ total: 10, ...options });
    tick(5000);
    progress.update({ sessions: 5, done: 5 });
    progress.finish();
    expect(writes).toEqual([]);
  });

  it('draws when CI is set to false', () => {
    const { progress, writes, tick } = fakeTerminal({ env: { CI: 'false' } });
    tick(5000);
    progress.update({ sessions: 5 });
    expect(writes).toHaveLength(1);
  });

  it('fits the line to the terminal', () => {
    const { progress, writes, tick } = fakeTerminal({
      stream: { write: (t: string) => writes.push(t), columns: 20 },
    });
    tick(5000);
    progress.update({ sessions: 5 });
    expect(writes).toEqual(['\rReading state.db  5\x1b[K']);
  });
});

describe('progressLine', () => {
  it('shows the time left in seconds, minutes or hours', () => {
    expect(progressLine('Reading', { sessions: 12345, done: 10, total: 100 }, undefined, 10)).toBe(
      'Reading  [##..................]  10%  12,345 sessions  1,235/s  1m 30s left',
    );
    expect(progressLine('Reading', { sessions: 1, done: 1, total: 1000 }, undefined, 5)).toBe(
      'Reading  [....................]  0%  1 session  0.2/s  1h 23m left',
    );
  });

  it('leaves out the bar and the time left without a total, and the time left when done', () => {
    expect(progressLine('Reading', { sessions: 40 }, undefined, 2)).toBe(
      'Reading  40 sessions  20/s',
    );
    expect(progressLine('Reading', { sessions: 40, done: 40 }, 40, 2)).toBe(
      'Reading  [####################]  100%  40 sessions  20/s',
    );
  });
});
