import { IdIndex, hashId, packedId, type PackedIds } from './id-index.js';
import type { LabelField, SessionRecord, SessionTable } from './types.js';

export type AddOutcome = 'added' | 'identical' | 'conflict';

const LABEL_FIELDS: readonly LabelField[] = [
  'variant',
  'task_id',
  'experiment',
  'category',
  'difficulty',
];

/** The record's own numeric fields, each a column of the table. */
export const BUILT_IN_COLUMNS = [
  'success',
  'tool_calls',
  'successful_tool_calls',
  'completion_time_seconds',
  'message_count',
  'user_corrections',
] as const;

/** The built-in numeric columns, in `BUILT_IN_COLUMNS` order. */
type BuiltInColumns = [
  Float64Array,
  Float64Array,
  Float64Array,
  Float64Array,
  Float64Array,
  Float64Array,
];
/** The label columns: `LABEL_FIELDS` in order, then the table's extra labels. */
type LabelColumns = [
  LabelColumn,
  LabelColumn,
  LabelColumn,
  LabelColumn,
  LabelColumn,
  ...LabelColumn[],
];

const METRIC_PREFIX = 'metrics.';
const MAX_CONFLICTING_IDS = 20;
const INITIAL_CAPACITY = 1024;

/** The distinct values of one string field and each row's index into them (-1 = absent). */
class LabelColumn {
  readonly values: string[] = [];
  private readonly index = new Map<string, number>();
  /** The last value encoded and its code: rows often repeat the label of the row before. */
  private lastValue: string | undefined;
  private lastCode = -1;
  codes: Int32Array;

  constructor(capacity: number) {
    this.codes = new Int32Array(capacity).fill(-1);
  }

  /** The code of `value`, adding it to the values when new. */
  encode(value: string | undefined): number {
    if (value === undefined) return -1;
    if (value === this.lastValue) return this.lastCode;
    let code = this.index.get(value);
    if (code === undefined) {
      code = this.values.length;
      this.values.push(value);
      this.index.set(value, code);
    }
    this.lastValue = value;
    this.lastCode = code;
    return code;
  }

  /** The code of `value` without adding it: -2 when it was never seen. */
  lookup(value: string | undefined): number {
    if (value === undefined) return -1;
    if (value === this.lastValue) return this.lastCode;
    return this.index.get(value) ?? -2;
  }

  grow(capacity: number): void {
    const codes = new Int32Array(capacity);
    codes.set(this.codes);
    codes.fill(-1, this.codes.length);
    this.codes = codes;
  }
}

/**
 * One row as a part had it, in the part's own label codes and metric columns: `codes` by
 * `LABEL_FIELDS` then the extra labels, `builtIns` by `BUILT_IN_COLUMNS`, `metrics` by the part's
 * metric columns (shorter when columns came after it: NaN).
 */
export interface RowContent {
  codes: Int32Array;
  builtIns: Float64Array;
  metrics: Float64Array;
}

/**
 * The table of one byte range of a file, to be merged into the table of the ranges before it
 * (`ColumnarSessionTable.merge`). Plain data and typed arrays, so it crosses threads by
 * structured clone with the typed arrays transferred (`partBuffers`).
 */
export interface TablePart {
  /** Session ids by row, and `hashId` of each. */
  ids: PackedIds;
  hashes: Int32Array;
  /** By `LABEL_FIELDS`, then the table's extra labels (`TableOptions.extraLabels`). */
  labels: { values: string[]; codes: Int32Array }[];
  /** By `BUILT_IN_COLUMNS`. */
  builtIns: Float64Array[];
  metrics: { name: string; values: Float64Array }[];
  identical: number;
  conflicting: number;
  /** The first conflict of each of up to 20 ids, in order, with how many rows there were then. */
  conflicts: { id: string; rowCount: number }[];
  /** Rows that a later record of the part replaced, as their first record had them. */
  firstContents: { row: number; content: RowContent }[];
}

export interface TableOptions {
  /** Remember what a conflict replaced, which `toPart` needs: for a table that becomes a part. */
  trackFirstContents?: boolean;
  /**
   * Top-level record fields to keep as label columns after the built-in ones (for breakdowns by
   * them): strings as they are, numbers and booleans as `String(value)`, anything else absent.
   * Built-in label fields and repeats are ignored. A table merges only parts with the same ones.
   */
  extraLabels?: readonly string[];
}

/**
 * The columnar `SessionTable`: one row per distinct session_id, typed-array columns that double
 * in size as rows come, so a row costs a few dozen bytes and no object of its own.
 */
export class ColumnarSessionTable implements SessionTable {
  private capacity = INITIAL_CAPACITY;
  private readonly ids = new IdIndex();
  /** `LABEL_FIELDS`, then the extra labels: the names of `labelColumns`. */
  private readonly labelNames: readonly string[];
  private readonly labelColumns: LabelColumns;
  private builtIns = BUILT_IN_COLUMNS.map(() => nanArray(INITIAL_CAPACITY)) as BuiltInColumns;
  /** Custom metric columns by metric name (without `metrics.`), in order of first sight. */
  private readonly metrics = new Map<string, Float64Array>();
  private identical = 0;
  private conflicting = 0;
  private readonly conflicts: TablePart['conflicts'] = [];
  private readonly firstContents: Map<number, RowContent> | undefined;

  constructor(options: TableOptions = {}) {
    this.firstContents = options.trackFirstContents ? new Map() : undefined;
    this.labelNames = [...new Set<string>([...LABEL_FIELDS, ...(options.extraLabels ?? [])])];
    this.labelColumns = this.labelNames.map(
      () => new LabelColumn(INITIAL_CAPACITY),
    ) as LabelColumns;
  }

  get size(): number {
    return this.ids.size;
  }

  get duplicates(): SessionTable['duplicates'] {
    return {
      identical: this.identical,
      conflicting: this.conflicting,
      conflictingIds: this.conflicts.map((conflict) => conflict.id),
    };
  }

  /**
   * Adds a record as a new row. A record whose session_id is already here is an identical
   * duplicate when every label and number matches (nothing changes), else a conflict: it replaces
   * the row, as the later report wins.
   */
  add(record: SessionRecord): AddOutcome {
    const id = record.session_id;
    const hash = hashId(id);
    const existing = this.ids.find(id, hash);
    if (existing === -1) {
      const row = this.ids.append(id, hash);
      if (row === this.capacity) this.grow(row + 1);
      this.write(row, record);
      return 'added';
    }
    if (this.matches(existing, record)) {
      this.identical++;
      return 'identical';
    }
    if (this.firstContents && !this.firstContents.has(existing)) {
      this.firstContents.set(existing, this.content(existing));
    }
    this.conflicting++;
    this.noteConflict(id, this.size);
    this.clearMetrics(existing);
    this.write(existing, record);
    return 'conflict';
  }

  /** Distinct values of a label field, built-in or extra; none for a field not kept. */
  labels(field: LabelField | string): readonly string[] {
    return this.label(field)?.values ?? [];
  }

  /** Each row's code into `labels(field)`; all -1 for a field not kept. */
  codes(field: LabelField | string): Int32Array {
    return this.label(field)?.codes.subarray(0, this.size) ?? new Int32Array(this.size).fill(-1);
  }

  column(name: string): Float64Array {
    const column = this.findColumn(name);
    return column === undefined ? nanArray(this.size) : column.subarray(0, this.size);
  }

  columnNames(): string[] {
    const names = [
      ...BUILT_IN_COLUMNS,
      ...[...this.metrics.keys()].map((metric) => METRIC_PREFIX + metric),
    ];
    return names.filter((name) => this.column(name).some((value) => !Number.isNaN(value)));
  }

  /**
   * The table as a part to merge into another (see `TablePart`). Its arrays are the table's own:
   * once they are transferred, this table is unusable.
   */
  toPart(): TablePart {
    const size = this.size;
    return {
      ids: this.ids.packed(),
      hashes: this.ids.hashes.subarray(0, size),
      labels: this.labelColumns.map((column) => ({
        values: column.values,
        codes: column.codes.subarray(0, size),
      })),
      builtIns: this.builtIns.map((column) => column.subarray(0, size)),
      metrics: [...this.metrics].map(([name, values]) => ({
        name,
        values: values.subarray(0, size),
      })),
      identical: this.identical,
      conflicting: this.conflicting,
      conflicts: this.conflicts,
      firstContents: [...(this.firstContents ?? [])].map(([row, content]) => ({ row, content })),
    };
  }

  /**
   * Adds the records of a part that came after every record added so far, with the result of
   * adding them one by one: new ids become rows in the part's order, a re-reported id is an
   * identical duplicate or a conflict that replaces the row, labels and metric columns come in
   * order of first sight, and the conflicting ids keep the order the conflicts happened in.
   *
   * The part compared each re-report with what its own rows held then; only the first record
   * of each of its ids meets the rows here, so that record (`firstContents`, or the row when
   * nothing replaced it) is compared with the row here, and the part's final row replaces it
   * when either compare found a conflict.
   */
  merge(part: TablePart): void {
    if (part.labels.length !== this.labelColumns.length) {
      throw new Error('a part to merge must have the label columns of the table');
    }
    // Encoding every label of the part now adds the new ones in the order adding its records
    // would: a record whose labels are new here cannot be an identical duplicate.
    const labelCodes = this.labelColumns.map((column, f) =>
      Int32Array.from(partLabel(part, f).values, (value) => column.encode(value)),
    );
    /** The row here that each row of the part goes to, -1 when it changes nothing. */
    const rows = part.hashes.length;
    const targets = new Int32Array(rows).fill(-1);
    const repeated: number[] = [];
    this.ids.reserve(this.size + rows);
    for (let r = 0; r < rows; r++) {
      const hash = part.hashes[r] as number;
      const existing = this.ids.findPacked(part.ids, r, hash);
      if (existing === -1) targets[r] = this.ids.appendPacked(part.ids, r, hash);
      else repeated.push(r, existing);
    }
    if (this.size > this.capacity) this.grow(this.size);
    // Same reasoning as for the labels: new metric columns come in order of first sight.
    const metricColumns = part.metrics.map(({ name }) => this.metricColumn(name));
    const partMetrics = new Map(part.metrics.map(({ name }, j) => [name, j]));
    const firstContents = new Map(part.firstContents.map(({ row, content }) => [row, content]));

    const mergeConflicts: TablePart['conflicts'] = [];
    for (let i = 0; i < repeated.length; i += 2) {
      const r = repeated[i] as number;
      const existing = repeated[i + 1] as number;
      const first = firstContents.get(r);
      const content = first ?? rowContent(part, r);
      if (this.matchesContent(existing, content, labelCodes, partMetrics)) {
        this.identical++;
        if (first === undefined) continue;
      } else {
        this.conflicting++;
        if (mergeConflicts.length < MAX_CONFLICTING_IDS) {
          mergeConflicts.push({ id: packedId(part.ids, r), rowCount: r });
        }
      }
      this.clearMetrics(existing);
      targets[r] = existing;
    }
    this.identical += part.identical;
    this.conflicting += part.conflicting;
    this.noteConflicts(mergeConflicts, part.conflicts);

    this.labelColumns.forEach((column, f) => {
      copyCodes(targets, partLabel(part, f).codes, labelCodes[f] as Int32Array, column.codes);
    });
    this.builtIns.forEach((column, i) => {
      copyColumn(targets, part.builtIns[i] as Float64Array, column);
    });
    metricColumns.forEach((column, j) => copyColumn(targets, part.metrics[j]!.values, column));
  }

  private label(field: string): LabelColumn | undefined {
    const index = this.labelNames.indexOf(field);
    return index === -1 ? undefined : this.labelColumns[index];
  }

  private write(row: number, record: SessionRecord): void {
    const labels = this.labelColumns;
    labels[0].codes[row] = labels[0].encode(record.variant);
    labels[1].codes[row] = labels[1].encode(record.task_id);
    labels[2].codes[row] = labels[2].encode(record.experiment);
    labels[3].codes[row] = labels[3].encode(record.category);
    labels[4].codes[row] = labels[4].encode(record.difficulty);
    for (let f = LABEL_FIELDS.length; f < labels.length; f++) {
      const column = labels[f] as LabelColumn;
      column.codes[row] = column.encode(labelValue(record[this.labelNames[f] as string]));
    }
    const numbers = this.builtIns;
    numbers[0][row] = record.success === undefined ? NaN : Number(record.success);
    numbers[1][row] = record.tool_calls ?? NaN;
    numbers[2][row] = record.successful_tool_calls ?? NaN;
    numbers[3][row] = record.completion_time_seconds ?? NaN;
    numbers[4][row] = record.message_count ?? NaN;
    numbers[5][row] = record.user_corrections ?? NaN;
    const metrics = record.metrics;
    for (const name in metrics) this.metricColumn(name)[row] = Number(metrics[name]);
  }

  private matches(row: number, record: SessionRecord): boolean {
    const labels = this.labelColumns;
    if (
      labels[0].codes[row] !== labels[0].lookup(record.variant) ||
      labels[1].codes[row] !== labels[1].lookup(record.task_id) ||
      labels[2].codes[row] !== labels[2].lookup(record.experiment) ||
      labels[3].codes[row] !== labels[3].lookup(record.category) ||
      labels[4].codes[row] !== labels[4].lookup(record.difficulty)
    ) {
      return false;
    }
    for (let f = LABEL_FIELDS.length; f < labels.length; f++) {
      const column = labels[f] as LabelColumn;
      const value = labelValue(record[this.labelNames[f] as string]);
      if (column.codes[row] !== column.lookup(value)) return false;
    }
    const numbers = this.builtIns;
    if (
      !sameNumber(numbers[0][row], record.success === undefined ? NaN : Number(record.success)) ||
      !sameNumber(numbers[1][row], record.tool_calls ?? NaN) ||
      !sameNumber(numbers[2][row], record.successful_tool_calls ?? NaN) ||
      !sameNumber(numbers[3][row], record.completion_time_seconds ?? NaN) ||
      !sameNumber(numbers[4][row], record.message_count ?? NaN) ||
      !sameNumber(numbers[5][row], record.user_corrections ?? NaN)
    ) {
      return false;
    }
    const metrics = record.metrics ?? {};
    for (const name in metrics) {
      if (!this.metrics.has(name)) return false;
    }
    for (const [name, column] of this.metrics) {
      const value = metrics[name];
      if (!sameNumber(column[row], value === undefined ? NaN : Number(value))) return false;
    }
    return true;
  }

  /** `matches` for a part's row: its label codes mapped by `labelCodes`, its metrics by name. */
  private matchesContent(
    row: number,
    content: RowContent,
    labelCodes: Int32Array[],
    partMetrics: Map<string, number>,
  ): boolean {
    for (let f = 0; f < this.labelColumns.length; f++) {
      const code = content.codes[f] as number;
      const mapped = code === -1 ? -1 : (labelCodes[f] as Int32Array)[code];
      if ((this.labelColumns[f] as LabelColumn).codes[row] !== mapped) return false;
    }
    for (let i = 0; i < BUILT_IN_COLUMNS.length; i++) {
      if (!sameNumber(this.builtIns[i]?.[row], content.builtIns[i])) return false;
    }
    // A metric the part has but this table had not is a new column here, NaN on this row.
    for (const [name, column] of this.metrics) {
      const j = partMetrics.get(name);
      const value = j === undefined ? NaN : (content.metrics[j] ?? NaN);
      if (!sameNumber(column[row], value)) return false;
    }
    return true;
  }

  /** The row's content, to remember before a conflict replaces it. */
  private content(row: number): RowContent {
    return {
      codes: Int32Array.from(this.labelColumns, (column) => column.codes[row] as number),
      builtIns: Float64Array.from(this.builtIns, (column) => column[row] as number),
      metrics: Float64Array.from(this.metrics.values(), (column) => column[row] as number),
    };
  }

  private noteConflict(id: string, rowCount: number): void {
    if (this.conflicts.length < MAX_CONFLICTING_IDS && !this.conflicts.some((c) => c.id === id)) {
      this.conflicts.push({ id, rowCount });
    }
  }

  /**
   * Notes the conflicts of a merge in the order they happened: one of `merged` (found by the
   * merge, at the first record of part row `rowCount`) came before one of the part's own
   * (`rowCount` rows then) when its row is below that count.
   */
  private noteConflicts(merged: TablePart['conflicts'], own: TablePart['conflicts']): void {
    let m = 0;
    let o = 0;
    while (m < merged.length || o < own.length) {
      const next =
        o === own.length || (m < merged.length && merged[m]!.rowCount < own[o]!.rowCount)
          ? merged[m++]!
          : own[o++]!;
      this.noteConflict(next.id, this.size);
    }
  }

  private clearMetrics(row: number): void {
    for (const column of this.metrics.values()) column[row] = NaN;
  }

  private metricColumn(name: string): Float64Array {
    let column = this.metrics.get(name);
    if (column === undefined) {
      column = nanArray(this.capacity);
      this.metrics.set(name, column);
    }
    return column;
  }

  /** Doubles the capacity until it holds `rows` rows. */
  private grow(rows: number): void {
    while (this.capacity < rows) this.capacity *= 2;
    for (const column of this.labelColumns) column.grow(this.capacity);
    this.builtIns = this.builtIns.map((column) => grown(column, this.capacity)) as BuiltInColumns;
    for (const [name, column] of this.metrics) this.metrics.set(name, grown(column, this.capacity));
  }

  private findColumn(name: string): Float64Array | undefined {
    if (name.startsWith(METRIC_PREFIX)) return this.metrics.get(name.slice(METRIC_PREFIX.length));
    const index = (BUILT_IN_COLUMNS as readonly string[]).indexOf(name);
    return this.builtIns[index];
  }
}

/** The buffers of a part's typed arrays, to transfer rather than copy it to another thread. */
export function partBuffers(part: TablePart): ArrayBuffer[] {
  const arrays = [
    part.ids.chars,
    part.ids.starts,
    part.hashes,
    ...part.labels.map((label) => label.codes),
    ...part.builtIns,
    ...part.metrics.map((metric) => metric.values),
  ];
  return arrays.map((array) => array.buffer as ArrayBuffer);
}

/** A record field as an extra label: strings as they are, numbers and booleans as text. */
function labelValue(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return undefined;
}

function partLabel(part: TablePart, f: number): TablePart['labels'][number] {
  return part.labels[f] as TablePart['labels'][number];
}

/** Row `r` of a part as it is now. */
function rowContent(part: TablePart, r: number): RowContent {
  return {
    codes: Int32Array.from(part.labels, (label) => label.codes[r] as number),
    builtIns: Float64Array.from(part.builtIns, (column) => column[r] as number),
    metrics: Float64Array.from(part.metrics, (metric) => metric.values[r] as number),
  };
}

/** Copies a part's label codes to the rows `targets` names, mapped by `mapping`. */
function copyCodes(
  targets: Int32Array,
  from: Int32Array,
  mapping: Int32Array,
  to: Int32Array,
): void {
  for (let r = 0; r < targets.length; r++) {
    const row = targets[r] as number;
    const code = from[r] as number;
    if (row !== -1) to[row] = code === -1 ? -1 : (mapping[code] as number);
  }
}

/** Copies a part's numeric column to the rows `targets` names. */
function copyColumn(targets: Int32Array, from: Float64Array, to: Float64Array): void {
  for (let r = 0; r < targets.length; r++) {
    const row = targets[r] as number;
    if (row !== -1) to[row] = from[r] as number;
  }
}

function sameNumber(a: number | undefined, b: number | undefined): boolean {
  return a === b || (Number.isNaN(a) && Number.isNaN(b));
}

function nanArray(length: number): Float64Array {
  return new Float64Array(length).fill(NaN);
}

function grown(column: Float64Array, capacity: number): Float64Array {
  const larger = new Float64Array(capacity);
  larger.set(column);
  larger.fill(NaN, column.length);
  return larger;
}
