import { describe, expect, it } from 'vitest';
import { IdIndex, hashId, packedId } from '../../src/records/id-index.js';

describe('IdIndex', () => {
  // Non-ASCII, an astral character, a lone surrogate, and ids longer than a decoding chunk.
  const ids = [
    'cold-task-1-s1',
    'séance-ü',
    'agent 🤖 run',
    'lone \ud800 surrogate',
    '',
    'x'.repeat(20_000),
    'x'.repeat(20_001),
    ...Array.from({ length: 3000 }, (_, i) => `id-${i}`),
  ];

  it('finds every id it holds at its row, and no other', () => {
    const index = new IdIndex();
    ids.forEach((id, row) => expect(index.append(id, hashId(id))).toBe(row));
    ids.forEach((id, row) => expect(index.find(id, hashId(id))).toBe(row));
    for (const absent of ['cold-task-1-s2', 'séance-u', 'x'.repeat(19_999), 'id-3000']) {
      expect(index.find(absent, hashId(absent))).toBe(-1);
    }
    expect(index.size).toBe(ids.length);
  });

  it('hands its ids to another index packed, exactly as they were', () => {
    const index = new IdIndex();
    for (const id of ids) index.append(id, hashId(id));
    const packed = index.packed();
    expect(ids.map((_, r) => packedId(packed, r))).toEqual(ids);
    const other = new IdIndex();
    other.append('séance-ü', hashId('séance-ü'));
    ids.forEach((id, r) => {
      if (other.findPacked(packed, r, hashId(id)) === -1) other.appendPacked(packed, r, hashId(id));
    });
    expect(other.size).toBe(ids.length);
    // Row 0 was there already; the others follow in order, without it again.
    expect(other.find('x'.repeat(20_001), hashId('x'.repeat(20_001)))).toBe(6);
    expect(other.find('séance-ü', hashId('séance-ü'))).toBe(0);
  });
});
