/**
 * Session ids by row, with an open-addressing hash index over them: about twice as fast as a
 * `Map` of a million strings, and the hashes travel with a table part (see `TablePart`), so a
 * merge compares numbers and only touches the strings when the hashes are equal.
 */
export declare class IdIndex {
    /** The ids in row order. */
    readonly ids: string[];
    /** `hashId(ids[row])` by row; longer than `size`. */
    hashes: Int32Array<ArrayBuffer>;
    /** Row + 1 of the id hashed to each slot (linear probing), 0 for an empty slot. */
    private slots;
    private mask;
    get size(): number;
    /** The row of `id`, or -1 when it is not here. */
    find(id: string, hash: number): number;
    /** Adds `id`, which must not be here yet, as the next row; returns that row. */
    append(id: string, hash: number): number;
    /** Makes room for `rows` rows in all, so that adding many ids rehashes at most once. */
    reserve(rows: number): void;
    private place;
    private rehash;
    private growHashes;
}
/** A 32-bit hash of a string: FNV-1a over its UTF-16 code units, then murmur3's finaliser. */
export declare function hashId(id: string): number;
