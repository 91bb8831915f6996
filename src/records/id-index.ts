const INITIAL_SLOTS = 1024;

/**
 * Session ids by row, with an open-addressing hash index over them: about twice as fast as a
 * `Map` of a million strings, and the hashes travel with a table part (see `TablePart`), so a
 * merge compares numbers and only touches the strings when the hashes are equal.
 */
export class IdIndex {
  /** The ids in row order. */
  readonly ids: string[] = [];
  /** `hashId(ids[row])` by row; longer than `size`. */
  hashes = new Int32Array(INITIAL_SLOTS / 2);
  /** Row + 1 of the id hashed to each slot (linear probing), 0 for an empty slot. */
  private slots = new Int32Array(INITIAL_SLOTS);
  private mask = INITIAL_SLOTS - 1;

  get size(): number {
    return this.ids.length;
  }

  /** The row of `id`, or -1 when it is not here. */
  find(id: string, hash: number): number {
    const { slots, mask, hashes, ids } = this;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const entry = slots[slot] as number;
      if (entry === 0) return -1;
      const row = entry - 1;
      if (hashes[row] === hash && ids[row] === id) return row;
    }
  }

  /** Adds `id`, which must not be here yet, as the next row; returns that row. */
  append(id: string, hash: number): number {
    const row = this.ids.length;
    if (row === this.hashes.length) this.growHashes(row * 2);
    this.ids.push(id);
    this.hashes[row] = hash;
    // At most half full, so probes stay short.
    if (this.ids.length * 2 > this.slots.length) this.rehash(this.slots.length * 2);
    else this.place(row, hash);
    return row;
  }

  /** Makes room for `rows` rows in all, so that adding many ids rehashes at most once. */
  reserve(rows: number): void {
    if (rows > this.hashes.length) this.growHashes(rows);
    let slotCount = this.slots.length;
    while (rows * 2 > slotCount) slotCount *= 2;
    if (slotCount > this.slots.length) this.rehash(slotCount);
  }

  private place(row: number, hash: number): void {
    const { slots, mask } = this;
    let slot = hash & mask;
    while (slots[slot] !== 0) slot = (slot + 1) & mask;
    slots[slot] = row + 1;
  }

  private rehash(slotCount: number): void {
    this.slots = new Int32Array(slotCount);
    this.mask = slotCount - 1;
    for (let row = 0; row < this.ids.length; row++) this.place(row, this.hashes[row] as number);
  }

  private growHashes(length: number): void {
    const hashes = new Int32Array(length);
    hashes.set(this.hashes);
    this.hashes = hashes;
  }
}

/** A 32-bit hash of a string: FNV-1a over its UTF-16 code units, then murmur3's finaliser. */
export function hashId(id: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) hash = Math.imul(hash ^ id.charCodeAt(i), 0x01000193);
  hash = Math.imul(hash ^ (hash >>> 16), 0x85ebca6b);
  hash = Math.imul(hash ^ (hash >>> 13), 0xc2b2ae35);
  return hash ^ (hash >>> 16);
}
