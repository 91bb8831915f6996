import type { LabelField, SessionRecord, SessionTable } from './types.js';

export type AddOutcome = 'added' | 'identical' | 'conflict';

const LABEL_FIELDS: readonly LabelField[] = [
  'variant',
  'task_id',
  'experiment',
  'category',
  'difficulty',
];

const BUILT_IN_COLUMNS = [
  'success',
  'tool_calls',
  'successful_tool_calls',
  'completion_time_seconds',
  'message_count',
  'user_corrections',
] as const;

const METRIC_PREFIX = 'metrics.';
const MAX_CONFLICTING_IDS = 20;
const INITIAL_CAPACITY = 1024;

/** The distinct values of one string field and each row's index into them (-1 = absent). */
class LabelColumn {
  readonly values: string[] = [];
  private readonly index = new Map<string, number>();
  codes: Int32Array;

  constructor(capacity: number) {
    this.codes = new Int32Array(capacity).fill(-1);
  }

  /** The code of `value`, adding it to the values when new. */
  encode(value: string | undefined): number {
    if (value === undefined) return -1;
    let code = this.index.get(value);
    if (code === undefined) {
      code = this.values.length;
      this.values.push(value);
      this.index.set(value, code);
    }
    return code;
  }

  /** The code of `value` without adding it: -2 when it was never seen. */
  lookup(value: string | undefined): number {
    return value === undefined ? -1 : (this.index.get(value) ?? -2);
  }

  grow(capacity: number): void {
    const codes = new Int32Array(capacity).fill(-1);
    codes.set(this.codes);
    this.codes = codes;
  }
}

/**
 * The columnar `SessionTable`: one row per distinct session_id, typed-array columns that double
 * in size as rows come, so a row costs a few dozen bytes and no object of its own.
 */
export class ColumnarSessionTable implements SessionTable {
  private rowCount = 0;
  private capacity = INITIAL_CAPACITY;
  private readonly rows = new Map<string, number>();
  private readonly labelColumns = Object.fromEntries(
    LABEL_FIELDS.map((field) => [field, new LabelColumn(INITIAL_CAPACITY)]),
  ) as Record<LabelField, LabelColumn>;
  private builtIns: Float64Array[] = BUILT_IN_COLUMNS.map(() => nanArray(INITIAL_CAPACITY));
  /** Custom metric columns by metric name (without `metrics.`), in order of first sight. */
  private readonly metrics = new Map<string, Float64Array>();
  private identical = 0;
  private conflicting = 0;
  private readonly conflictingIds: string[] = [];

  get size(): number {
    return this.rowCount;
  }

  get duplicates(): SessionTable['duplicates'] {
    return {
      identical: this.identical,
      conflicting: this.conflicting,
      conflictingIds: [...this.conflictingIds],
    };
  }

  /**
   * Adds a record as a new row. A record whose session_id is already here is an identical
   * duplicate when every label and number matches (nothing changes), else a conflict: it replaces
   * the row, as the later report wins.
   */
  add(record: SessionRecord): AddOutcome {
    const id = record.session_id;
    const existing = this.rows.get(id);
    if (existing === undefined) {
      if (this.rowCount === this.capacity) this.grow();
      const row = this.rowCount++;
      this.rows.set(id, row);
      this.write(row, record);
      return 'added';
    }
    if (this.matches(existing, record)) {
      this.identical++;
      return 'identical';
    }
    this.conflicting++;
    if (this.conflictingIds.length < MAX_CONFLICTING_IDS && !this.conflictingIds.includes(id)) {
      this.conflictingIds.push(id);
    }
    for (const column of this.metrics.values()) column[existing] = NaN;
    this.write(existing, record);
    return 'conflict';
  }

  labels(field: LabelField): readonly string[] {
    return this.labelColumns[field].values;
  }

  codes(field: LabelField): Int32Array {
    return this.labelColumns[field].codes.subarray(0, this.rowCount);
  }

  column(name: string): Float64Array {
    const column = this.findColumn(name);
    return column === undefined ? nanArray(this.rowCount) : column.subarray(0, this.rowCount);
  }

  columnNames(): string[] {
    const names = [
      ...BUILT_IN_COLUMNS,
      ...[...this.metrics.keys()].map((metric) => METRIC_PREFIX + metric),
    ];
    return names.filter((name) => this.column(name).some((value) => !Number.isNaN(value)));
  }

  private write(row: number, record: SessionRecord): void {
    for (const field of LABEL_FIELDS) {
      const column = this.labelColumns[field];
      column.codes[row] = column.encode(record[field]);
    }
    const values = builtInValues(record);
    for (let i = 0; i < values.length; i++) {
      (this.builtIns[i] as Float64Array)[row] = values[i] ?? NaN;
    }
    const metrics = record.metrics;
    for (const name in metrics) {
      let column = this.metrics.get(name);
      if (column === undefined) {
        column = nanArray(this.capacity);
        this.metrics.set(name, column);
      }
      column[row] = Number(metrics[name]);
    }
  }

  private matches(row: number, record: SessionRecord): boolean {
    for (const field of LABEL_FIELDS) {
      const column = this.labelColumns[field];
      if (column.codes[row] !== column.lookup(record[field])) return false;
    }
    const values = builtInValues(record);
    for (let i = 0; i < values.length; i++) {
      if (!sameNumber((this.builtIns[i] as Float64Array)[row], values[i])) return false;
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

  private grow(): void {
    this.capacity *= 2;
    for (const field of LABEL_FIELDS) this.labelColumns[field].grow(this.capacity);
    this.builtIns = this.builtIns.map((column) => grown(column, this.capacity));
    for (const [name, column] of this.metrics) this.metrics.set(name, grown(column, this.capacity));
  }

  private findColumn(name: string): Float64Array | undefined {
    if (name.startsWith(METRIC_PREFIX)) return this.metrics.get(name.slice(METRIC_PREFIX.length));
    const index = (BUILT_IN_COLUMNS as readonly string[]).indexOf(name);
    return this.builtIns[index];
  }
}

/** The built-in numeric fields of a record, in `BUILT_IN_COLUMNS` order, NaN where absent. */
function builtInValues(record: SessionRecord): number[] {
  return [
    record.success === undefined ? NaN : Number(record.success),
    record.tool_calls ?? NaN,
    record.successful_tool_calls ?? NaN,
    record.completion_time_seconds ?? NaN,
    record.message_count ?? NaN,
    record.user_corrections ?? NaN,
  ];
}

function sameNumber(a: number | undefined, b: number | undefined): boolean {
  return a === b || (Number.isNaN(a) && Number.isNaN(b));
}

function nanArray(length: number): Float64Array {
  return new Float64Array(length).fill(NaN);
}

function grown(column: Float64Array, capacity: number): Float64Array {
  const larger = nanArray(capacity);
  larger.set(column);
  return larger;
}
