const INITIAL_SLOTS = 1024;
const INITIAL_CHARS = 16 * 1024;
/** `String.fromCharCode` takes the code units as arguments: this many at a time. */
const DECODE_CHUNK = 8192;

/** Session ids as UTF-16 code units, one after another: id r is `chars[starts[r]..starts[r + 1])`. */
export interface PackedIds {
  chars: Uint16Array;
  /** One more than the ids. */
  starts: Int32Array;
}

/**
 * Session ids by row, with an open-addressing hash index over them. The ids are kept as code
 * units in one typed array, not as a million strings: a full garbage collection marks every
 * object on the heap, and at a million sessions marking the id strings over and over was a sixth
 * of the analysis. The hashes travel with a table part (see `TablePart`), with the packed ids
 * (transferred, not copied), so a merge compares numbers and only touches the code units when
 * the hashes are equal.
 */
export class IdIndex {
  /** `hashId` of each id by row; longer than `size`. */
  hashes = new Int32Array(INITIAL_SLOTS / 2);
  private chars = new Uint16Array(INITIAL_CHARS);
  private starts = new Int32Array(INITIAL_SLOTS / 2 + 1);
  /** Row + 1 of the id hashed to each slot (linear probing), 0 for an empty slot. */
  private slots = new Int32Array(INITIAL_SLOTS);
  private mask = INITIAL_SLOTS - 1;
  private rows = 0;

  get size(): number {
    return this.rows;
  }

  /** The ids as they are now: views of the index's own arrays. */
  packed(): PackedIds {
    return {
      chars: this.chars.subarray(0, this.starts[this.rows]),
      starts: this.starts.subarray(0, this.rows + 1),
    };
  }

  /** The row of `id`, or -1 when it is not here. */
  find(id: string, hash: number): number {
    const { slots, mask, hashes } = this;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const entry = slots[slot]!;
      if (entry === 0) return -1;
      const row = entry - 1;
      if (hashes[row] === hash && this.equalsString(row, id)) return row;
    }
  }

  /** The row of id `r` of `ids` (a part's), or -1 when it is not here. */
  findPacked(ids: PackedIds, r: number, hash: number): number {
    return this.findUnits(ids.chars, ids.starts[r]!, ids.starts[r + 1]!, hash);
  }

  /** Adds `id`, which must not be here yet, as the next row; returns that row. */
  append(id: string, hash: number): number {
    const from = this.reserveChars(id.length);
    const { chars } = this;
    for (let i = 0; i < id.length; i++) chars[from + i] = id.charCodeAt(i);
    return this.appended(hash, from + id.length);
  }

  /** Adds id `r` of `ids`, which must not be here yet, as the next row; returns that row. */
  appendPacked(ids: PackedIds, r: number, hash: number): number {
    return this.appendUnits(ids.chars, ids.starts[r]!, ids.starts[r + 1]!, hash);
  }

  /** Makes room for `rows` rows in all, so that adding many ids rehashes at most once. */
  reserve(rows: number): void {
    if (rows > this.hashes.length) this.growRows(rows);
    let slotCount = this.slots.length;
    while (rows * 2 > slotCount) slotCount *= 2;
    if (slotCount > this.slots.length) this.rehash(slotCount);
  }

  private findUnits(units: Uint16Array, start: number, end: number, hash: number): number {
    const { slots, mask, hashes } = this;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const entry = slots[slot]!;
      if (entry === 0) return -1;
      const row = entry - 1;
      if (hashes[row] === hash && this.equals(row, units, start, end)) return row;
    }
  }

  private appendUnits(units: Uint16Array, start: number, end: number, hash: number): number {
    const from = this.reserveChars(end - start);
    this.chars.set(units.subarray(start, end), from);
    return this.appended(hash, from + end - start);
  }

  /** Room for the next row's `length` code units; where they start. */
  private reserveChars(length: number): number {
    if (this.rows === this.hashes.length) this.growRows(this.rows * 2);
    const from = this.starts[this.rows]!;
    const to = from + length;
    if (to > this.chars.length) this.chars = grown(this.chars, Math.max(to, this.chars.length * 2));
    return from;
  }

  /** Makes the next row the id whose code units were just written, up to `end`. */
  private appended(hash: number, end: number): number {
    const row = this.rows;
    this.starts[row + 1] = end;
    this.hashes[row] = hash;
    this.rows = row + 1;
    // At most half full, so probes stay short.
    if (this.rows * 2 > this.slots.length) this.rehash(this.slots.length * 2);
    else this.place(row, hash);
    return row;
  }

  private equalsString(row: number, id: string): boolean {
    const from = this.starts[row]!;
    if (this.starts[row + 1]! - from !== id.length) return false;
    const { chars } = this;
    for (let i = 0; i < id.length; i++) if (chars[from + i] !== id.charCodeAt(i)) return false;
    return true;
  }

  private equals(row: number, units: Uint16Array, start: number, end: number): boolean {
    const from = this.starts[row]!;
    if (this.starts[row + 1]! - from !== end - start) return false;
    const { chars } = this;
    for (let i = start; i < end; i++) if (chars[from + i - start] !== units[i]) return false;
    return true;
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
    for (let row = 0; row < this.rows; row++) this.place(row, this.hashes[row]!);
  }

  private growRows(length: number): void {
    this.hashes = grown(this.hashes, length);
    this.starts = grown(this.starts, length + 1);
  }
}

/** Id `r` of packed ids, as a string. */
export function packedId(ids: PackedIds, r: number): string {
  const start = ids.starts[r]!;
  const end = ids.starts[r + 1]!;
  let id = '';
  for (let i = start; i < end; i += DECODE_CHUNK) {
    id += String.fromCharCode(...ids.chars.subarray(i, Math.min(end, i + DECODE_CHUNK)));
  }
  return id;
}

function grown<T extends Uint16Array | Int32Array>(array: T, length: number): T {
  const bigger = new (array.constructor as new (length: number) => T)(length);
  bigger.set(array);
  return bigger;
}

/** A 32-bit hash of a string: FNV-1a over its UTF-16 code units, then murmur3's finaliser. */
export function hashId(id: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) hash = Math.imul(hash ^ id.charCodeAt(i), 0x01000193);
  hash = Math.imul(hash ^ (hash >>> 16), 0x85ebca6b);
  hash = Math.imul(hash ^ (hash >>> 13), 0xc2b2ae35);
  return hash ^ (hash >>> 16);
}
