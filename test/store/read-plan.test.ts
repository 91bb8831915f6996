import { describe, expect, it } from 'vitest';
import { ReadPlan, type ListedArtifact } from '../../src/store/read-plan.js';

const NOW = new Date('2025-06-01T00:00:00Z');
const hoursAgo = (h: number) => new Date(NOW.getTime() - h * 3600_000).toISOString();
const artifact = (
  id: number,
  hours: number,
  extra: Partial<ListedArtifact> = {},
): ListedArtifact => ({
  id,
  name: 'ab-verdict-x',
  sizeInBytes: 1000,
  createdAt: hoursAgo(hours),
  expired: false,
  digest: null,
  fromFork: false,
  ...extra,
});
const options = { now: NOW, lookbackDays: 90, maxDownloads: 32 };

/** Runs the plan: `covers` says what each artifact's snapshot covers. */
function downloads(
  plan: ReadPlan,
  covers: Record<number, number[]>,
  expiredOnDownload: number[] = [],
) {
  const read: number[] = [];
  for (let next = plan.next(); next; next = plan.next()) {
    if (expiredOnDownload.includes(next.id)) {
      plan.markExpired(next.id);
      continue;
    }
    read.push(next.id);
    plan.read(next.id, covers[next.id] ?? []);
  }
  return read;
}

describe('ReadPlan', () => {
  it('steady state: the newest snapshot covers the rest, one download', () => {
    const plan = new ReadPlan([artifact(1, 30), artifact(3, 10), artifact(2, 20)], options);
    expect(downloads(plan, { 3: [1, 2], 2: [1] })).toEqual([3]);
    expect(plan.missed()).toEqual([]);
  });

  it('k overlapping runs: k downloads, then what they covered is skipped', () => {
    // 4, 5 and 6 ran at once and each read 3; 3 covers 1 and 2.
    const listing = [1, 2, 3]
      .map((id) => artifact(id, 40 - id))
      .concat([4, 5, 6].map((id) => artifact(id, 10 - id)));
    const plan = new ReadPlan(listing, options);
    expect(downloads(plan, { 6: [1, 2, 3], 5: [1, 2, 3], 4: [1, 2, 3] })).toEqual([6, 5, 4]);
  });

  it('orders by creation time, then id, whatever the listing order', () => {
    const plan = new ReadPlan([artifact(7, 5), artifact(9, 5), artifact(8, 1)], options);
    expect(downloads(plan, {})).toEqual([8, 9, 7]);
  });

  it('an expired artifact is missed only when nothing read covers it', () => {
    const listing = [
      artifact(1, 50, { expired: true }),
      artifact(2, 40, { expired: true }),
      artifact(3, 1),
    ];
    const plan = new ReadPlan(listing, options);
    expect(downloads(plan, { 3: [1] })).toEqual([3]);
    expect(plan.missed().map((m) => [m.artifact.id, m.reason])).toEqual([[2, 'expired']]);
  });

  it('a 410 at download counts as expired', () => {
    const plan = new ReadPlan([artifact(1, 20), artifact(2, 10)], options);
    expect(downloads(plan, {}, [2])).toEqual([1]);
    expect(plan.missed().map((m) => [m.artifact.id, m.reason])).toEqual([[2, 'expired']]);
  });

  it('skips artifacts older than the look-back window, reporting the uncovered ones', () => {
    const listing = [artifact(1, 24 * 100), artifact(2, 24 * 95), artifact(3, 1)];
    const plan = new ReadPlan(listing, options);
    expect(downloads(plan, { 3: [2] })).toEqual([3]);
    expect(plan.missed().map((m) => [m.artifact.id, m.reason])).toEqual([[1, 'too-old']]);
  });

  it('downloads at most maxDownloads, reporting the rest', () => {
    const plan = new ReadPlan(
      [1, 2, 3, 4].map((id) => artifact(id, 10 - id)),
      { ...options, maxDownloads: 2 },
    );
    expect(downloads(plan, {})).toEqual([4, 3]);
    expect(plan.missed().map((m) => [m.artifact.id, m.reason])).toEqual([
      [2, 'over-limit'],
      [1, 'over-limit'],
    ]);
  });
});
