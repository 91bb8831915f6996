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
export declare class IdIndex {
    /** `hashId` of each id by row; longer than `size`. */
    hashes: Int32Array<ArrayBuffer>;
    private chars;
    private starts;
    /** Row + 1 of the id hashed to each slot (linear probing), 0 for an empty slot. */
    private slots;
    private mask;
    private rows;
    get size(): number;
    /** The ids as they are now: views of the index's own arrays. */
    packed(): PackedIds;
    /** The row of `id`, or -1 when it is not here. */
    find(id: string, hash: number): number;
    /** The row of id `r` of `ids` (a part's), or -1 when it is not here. */
    findPacked(ids: PackedIds, r: number, hash: number): number;
    /** Adds `id`, which must not be here yet, as the next row; returns that row. */
    append(id: string, hash: number): number;
    /** Adds id `r` of `ids`, which must not be here yet, as the next row; returns that row. */
    appendPacked(ids: PackedIds, r: number, hash: number): number;
    /** Makes room for `rows` rows in all, so that adding many ids rehashes at most once. */
    reserve(rows: number): void;
    private findUnits;
    private appendUnits;
    /** Room for the next row's `length` code units; where they start. */
    private reserveChars;
    /** Makes the next row the id whose code units were just written, up to `end`. */
    private appended;
    private equalsString;
    private equals;
    private place;
    private rehash;
    private growRows;
}
/** Id `r` of packed ids, as a string. */
export declare function packedId(ids: PackedIds, r: number): string;
/** A 32-bit hash of a string: FNV-1a over its UTF-16 code units, then murmur3's finaliser. */
export declare function hashId(id: string): number;
